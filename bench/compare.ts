import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Measurements, Ratio } from "./ratios";

/** The previous result to compare with: the file this run will overwrite, else the newest in bench/results. */
export function previousResult(out: string): { file: string; json: Previous } | null {
  const dir = path.dirname(out);
  const candidates = existsSync(out)
    ? [out]
    : existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".json"))
          .map((f) => path.join(dir, f))
      : [];
  const newest = candidates
    .map((file) => {
      try {
        return { file, json: JSON.parse(readFileSync(file, "utf8")) as Previous };
      } catch {
        return null;
      }
    })
    .filter((x): x is { file: string; json: Previous } => x !== null)
    .sort((a, b) => String(b.json.at).localeCompare(String(a.json.at)))[0];
  return newest ?? null;
}

type Previous = Partial<Measurements> & { at?: string; mode?: string; database?: string; ratios?: Ratio[] };

const r3 = (v: number | null | undefined) => (v == null ? null : Number(v.toPrecision(3)));

export type Change = { what: string; before: number | null; after: number | null; change: string };

const pct = (before: number | null | undefined, after: number | null | undefined) =>
  before != null && after != null && before !== 0
    ? `${after >= before ? "+" : ""}${(((after - before) / before) * 100).toFixed(0)}%`
    : "n/a";

/** Page by page (req/s, CPU ms per request, statements) and ratio by ratio: what moved since the previous run. */
export function whatChanged(prev: Previous, m: Measurements, ratios: Ratio[]): Change[] {
  const out: Change[] = [];
  for (const [key, page] of Object.entries(m.pages)) {
    const before = prev.pages?.[key];
    if (!before) continue;
    out.push({
      what: `${key} req/s`,
      before: r3(before.reqPerSec),
      after: r3(page.reqPerSec),
      change: pct(before.reqPerSec, page.reqPerSec),
    });
    if (before.cpuMsPerReq != null || page.cpuMsPerReq != null)
      out.push({
        what: `${key} CPU ms/request`,
        before: r3(before.cpuMsPerReq),
        after: r3(page.cpuMsPerReq),
        change: pct(before.cpuMsPerReq, page.cpuMsPerReq),
      });
  }
  for (const [key, n] of Object.entries(m.statements)) {
    const before = prev.statements?.[key];
    if (before !== undefined && before !== n) out.push({ what: `${key} statements`, before, after: n, change: pct(before, n) });
  }
  for (const r of ratios) {
    const before = prev.ratios?.find((p) => p.id === r.id);
    if (before) out.push({ what: `ratio ${r.id}`, before: before.value, after: r.value, change: pct(before.value, r.value) });
  }
  return out;
}
