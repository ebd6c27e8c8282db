import { noCpu, type CpuReader } from "./cpu";
import { firstLoadJsGzip } from "./js-size";
import { hit, probe, type LoadOptions } from "./load";
import type { PageFigures } from "./ratios";
import { median } from "./stats";

export type Target = { key: string; path: string; cookie?: string };
export type Available = Target & { html: string };

/** Splits targets into those answering 200 and the rest, with the reason (404, redirect…). */
export async function probeAll(base: string, targets: Target[]) {
  const ok: Available[] = [];
  const missing: Record<string, string> = {};
  for (const t of targets) {
    const r = await probe(base + t.path, t.cookie);
    if (r.status === 200) ok.push({ ...t, html: r.html });
    else missing[t.key] = r.location ? `not available: HTTP ${r.status} → ${r.location}` : `not available: HTTP ${r.status}`;
  }
  return { ok, missing };
}

/**
 * Warm-up (every page loaded for `warmSeconds`, so the server's JIT, caches and prepared statements are
 * settled: a fresh server spends about twice the CPU in its first 20 s), then `rounds` interleaved passes
 * over every page; medians per page with their spread. `cpuOf` reads the CPU of the process serving a page.
 */
export async function loadRounds(
  base: string,
  pages: Target[],
  o: { warmSeconds: number; seconds: number; rounds: number; connections: number; requests: number },
  log: (m: string) => void,
  cpuOf: (p: Target) => CpuReader = () => noCpu,
) {
  for (const p of pages) await hit(base + p.path, { connections: o.connections, seconds: o.warmSeconds, cookie: p.cookie });
  const runs: Record<string, PageFigures[]> = {};
  for (let r = 0; r < o.rounds; r++) {
    for (const p of pages)
      (runs[p.key] ??= []).push(
        await hit(
          base + p.path,
          {
            connections: o.connections,
            seconds: o.seconds,
            amount: p.key === "bare node:http" ? o.requests * 20 : o.requests,
            cookie: p.cookie,
          },
          cpuOf(p),
        ),
      );
    log(
      `round ${r + 1}/${o.rounds}: ` +
        pages
          .map((p) => {
            const f = runs[p.key][r];
            return `${p.key} ${Math.round(f.reqPerSec ?? 0)}${f.cpuMsPerReq != null ? ` (${f.cpuMsPerReq.toFixed(1)} ms)` : ""}`;
          })
          .join(", "),
    );
  }
  const out: Record<string, PageFigures> = {};
  for (const p of pages) out[p.key] = summarize(base + p.path, runs[p.key]);
  return out;
}

export function summarize(url: string, runs: PageFigures[]): PageFigures {
  const values = (f: (r: PageFigures) => number | null | undefined) => runs.map(f).filter((v): v is number => v != null);
  const pick = (f: (r: PageFigures) => number | null | undefined) => median(values(f));
  const range = (f: (r: PageFigures) => number | null | undefined): [number, number] | null => {
    const xs = values(f);
    return xs.length ? [Math.min(...xs), Math.max(...xs)] : null;
  };
  return {
    url,
    reqPerSec: pick((r) => r.reqPerSec),
    cpuMsPerReq: pick((r) => r.cpuMsPerReq),
    requests: runs.reduce((a, r) => a + (r.requests ?? 0), 0),
    spread: { reqPerSec: range((r) => r.reqPerSec), cpuMsPerReq: range((r) => r.cpuMsPerReq), rounds: runs.length },
    rounds: runs.map((r) => ({ reqPerSec: r.reqPerSec, cpuMsPerReq: r.cpuMsPerReq ?? null })),
    p50: pick((r) => r.p50),
    p99: pick((r) => r.p99),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
  };
}

/** Statements for one request, read from the server's counter around it; min of 3 (the outbox ticks too). */
export async function statementsFor(base: string, t: Target, benchCookie: string): Promise<number | null> {
  const count = async () => {
    const r = await fetch(`${base}/bench/query-count`, { headers: { cookie: benchCookie } });
    if (!r.ok) return null;
    return ((await r.json()) as { count: number }).count;
  };
  const seen: number[] = [];
  for (let i = 0; i < 3; i++) {
    const before = await count();
    const r = await probe(base + t.path, t.cookie);
    const after = await count();
    if (before == null || after == null || r.status !== 200) return null;
    seen.push(after - before);
  }
  return Math.min(...seen);
}

/** A page's bytes as served: the whole HTML, and the RSC payload inlined in it (self.__next_f.push scripts). */
export function pageBytes(html: string): { html: number; rsc: number } {
  let rsc = 0;
  for (const m of html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?)<\/script>/g)) rsc += Buffer.byteLength(m[1]);
  return { html: Buffer.byteLength(html), rsc };
}

export async function jsSizes(distDir: string, pages: Available[], keys: string[]) {
  const out: Record<string, number | null> = {};
  for (const k of keys) {
    const p = pages.find((x) => x.key === k);
    out[k] = p ? (await firstLoadJsGzip(distDir, p.html)).bytes : null;
  }
  return out;
}

export type { LoadOptions };
