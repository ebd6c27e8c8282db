import { mkdirSync, writeFileSync } from "node:fs";
import type { Measurements, Ratio } from "./ratios";

const n = (v: number | null | undefined, d = 0) => (v == null ? "n/a" : v.toFixed(d));

export function table(m: Measurements, ratios: Ratio[]): string {
  const lines = [
    "",
    "page (median of rounds)   req/s  (spread)        CPU ms/req (spread)      p50 ms   p99 ms   errors  non-2xx  SQL/req  note",
  ];
  const range = (r: [number, number] | null | undefined, d: number) => (r ? `${r[0].toFixed(d)}–${r[1].toFixed(d)}` : "");
  for (const [key, p] of Object.entries(m.pages)) {
    lines.push(
      `${key.padEnd(24)}${n(p.reqPerSec).padStart(7)}  ${range(p.spread?.reqPerSec, 0).padEnd(14)}${n(p.cpuMsPerReq, 2).padStart(8)}  ${range(p.spread?.cpuMsPerReq, 2).padEnd(14)}` +
        `${n(p.p50, 1).padStart(9)}${n(p.p99, 1).padStart(9)}${String(p.errors).padStart(9)}` +
        `${String(p.non2xx).padStart(9)}${n(m.statements[key]).padStart(9)}  ${p.note ?? ""}`,
    );
  }
  if (m.halfRate.rate != null)
    lines.push(
      "",
      `At half details' max rate (${m.halfRate.rate} req/s, warm server): p99 details ${n(m.halfRate.detailsP99)} ms, ` +
        `dynamic ${n(m.halfRate.dynamicP99)} ms, static ${n(m.halfRate.staticP99)} ms`,
    );
  lines.push(
    "",
    "SQL statements per request: " +
      Object.entries(m.statements)
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(", "),
  );
  lines.push(
    "First-load JS, gzip bytes: " +
      Object.entries(m.jsGzip)
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(", "),
  );
  lines.push("", "ratio                                                       value    target    met");
  for (const r of ratios) {
    const met = r.met == null ? "not available" : r.met ? "yes" : "NO";
    lines.push(`${(r.id + " " + r.label).padEnd(60)}${n(r.value, 3).padStart(6)}  ${(r.cmp + " " + r.target).padStart(8)}    ${met}`);
  }
  return lines.join("\n");
}

export function writeJson(file: string, payload: unknown): void {
  mkdirSync(file.replace(/\/[^/]+$/, ""), { recursive: true });
  writeFileSync(file, JSON.stringify(payload, null, 2) + "\n");
}
