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

/** Warm-up, then `rounds` interleaved passes over every page; medians per page. */
export async function loadRounds(
  base: string,
  pages: Target[],
  o: { warmSeconds: number; seconds: number; rounds: number; connections: number },
  log: (m: string) => void,
) {
  for (const p of pages) await hit(base + p.path, { connections: o.connections, seconds: o.warmSeconds, cookie: p.cookie });
  const runs: Record<string, PageFigures[]> = {};
  for (let r = 0; r < o.rounds; r++) {
    for (const p of pages)
      (runs[p.key] ??= []).push(await hit(base + p.path, { connections: o.connections, seconds: o.seconds, cookie: p.cookie }));
    log(`round ${r + 1}/${o.rounds}: ` + pages.map((p) => `${p.key} ${Math.round(runs[p.key][r].reqPerSec ?? 0)}`).join(", "));
  }
  const out: Record<string, PageFigures> = {};
  for (const p of pages) out[p.key] = summarize(base + p.path, runs[p.key]);
  return out;
}

export function summarize(url: string, runs: PageFigures[]): PageFigures {
  const pick = (f: (r: PageFigures) => number | null) => median(runs.map(f).filter((v): v is number => v != null));
  return {
    url,
    reqPerSec: pick((r) => r.reqPerSec),
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

export async function jsSizes(distDir: string, pages: Available[], keys: string[]) {
  const out: Record<string, number | null> = {};
  for (const k of keys) {
    const p = pages.find((x) => x.key === k);
    out[k] = p ? (await firstLoadJsGzip(distDir, p.html)).bytes : null;
  }
  return out;
}

export type { LoadOptions };
