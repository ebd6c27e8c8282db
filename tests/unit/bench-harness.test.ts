import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadJsGzip, scriptSources, staticFilePath } from "@/bench/js-size";
import { computeRatios, pairRatio, type Measurements } from "@/bench/ratios";
import { summarize } from "@/bench/measure";
import { median, ratio } from "@/bench/stats";

function measurements(over: Partial<Measurements> = {}): Measurements {
  const page = (reqPerSec: number | null) => ({ url: "", reqPerSec, p50: 1, p99: 5, errors: 0, non2xx: 0 });
  return {
    pages: { static: page(1000), dynamic: page(500), details: page(400), list: page(300), listDeep: page(290), listSearch: page(100) },
    statements: { details: 2, list10: 2, list100: 2, static: 0 },
    halfRate: { rate: 200, detailsP99: 12, staticP99: 3 },
    submissions: { activation: null, createContract: 200 },
    drivers: { pglite: 300, postgres: 400, errorsAt64: 0 },
    jsGzip: { empty: 100_000, details: 105_000, list: 120_000, activation: null, wizard: 125_000 },
    ...over,
  };
}

describe("bench statistics", () => {
  it("takes the median of odd and even samples, ignoring non-numbers", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it("reports a ratio as not available, never zero or infinite, when a side is missing", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(null, 4)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });

  it("summarizes rounds by their medians and adds up errors", () => {
    const run = (reqPerSec: number, p99: number, errors: number) => ({ url: "u", reqPerSec, p50: 1, p99, errors, non2xx: 1 });
    const s = summarize("u", [run(100, 9, 0), run(300, 3, 2), run(200, 5, 1)]);
    expect(s).toMatchObject({ reqPerSec: 200, p99: 5, errors: 3, non2xx: 3 });
    // Each round kept, in order, for ratios taken round by round.
    expect(s.rounds?.map((r) => r.reqPerSec)).toEqual([100, 300, 200]);
  });
});

describe("bench ratios", () => {
  const byId = (m: Measurements) => Object.fromEntries(computeRatios(m).map((r) => [r.id, r]));

  it("compares each ratio with its target in the right direction", () => {
    const r = byId(measurements());
    expect(r["1a"]).toMatchObject({ value: 0.4, met: true });
    expect(r["1b"]).toMatchObject({ value: 0.8, met: true });
    expect(r["3a"]).toMatchObject({ value: 0.967, met: true });
    expect(r["3b"]).toMatchObject({ value: 0.333, met: false });
    expect(r["4a"]).toMatchObject({ value: 1, met: true });
    expect(r["4b"]).toMatchObject({ value: 2, met: true });
    expect(r["5"]).toMatchObject({ value: 4, met: false });
    expect(r["7a"]).toMatchObject({ value: 0.75, met: true });
    expect(r["7b"]).toMatchObject({ value: 0, met: true });
    expect(r["8a"]).toMatchObject({ value: 1.05, met: true });
    expect(r["8b"]).toMatchObject({ value: 1.2, met: false });
    expect(r["8d"]).toMatchObject({ value: 1.25, met: true });
  });

  it("marks ratios of pages that 404ed as not available instead of failing", () => {
    const m = measurements();
    m.pages.details = { url: "", reqPerSec: null, p50: null, p99: null, errors: 0, non2xx: 0, note: "not available: HTTP 404" };
    const r = byId(m);
    expect(r["1a"]).toMatchObject({ value: null, met: null });
    expect(r["6a"]).toMatchObject({ value: null, met: null });
    expect(r["8c"]).toMatchObject({ value: null, met: null });
  });

  it("flags a list whose statement count grows with the page size", () => {
    expect(byId(measurements({ statements: { list10: 2, list100: 11 } }))["4a"].met).toBe(false);
    expect(byId(measurements({ statements: { details: 4, list10: 1, list100: 1 } }))["4b"]).toMatchObject({ value: 4, met: false });
  });

  it("compares two pages round by round when both were measured in the same rounds", () => {
    const m = measurements();
    // The machine slowed down in round 2: both pages cost more there, their ratio did not change.
    const rounds = (cpu: number[]) => cpu.map((c) => ({ reqPerSec: 1000 / c, cpuMsPerReq: c }));
    m.pages.dynamic = { ...m.pages.dynamic, cpuMsPerReq: 10, rounds: rounds([8, 14, 10]) };
    m.pages.details = { ...m.pages.details, cpuMsPerReq: 20, rounds: rounds([12, 21, 20]) };
    expect(pairRatio(m, "details", "dynamic", "cpuMsPerReq")).toBe(1.5);
    expect(byId(m)["23a"]).toMatchObject({ value: 1.5, met: true });
    // Without rounds (an older result), the ratio of the two medians.
    delete m.pages.dynamic.rounds;
    expect(pairRatio(m, "details", "dynamic", "cpuMsPerReq")).toBe(2);
  });

  it("holds search to 0.8 of the list on PostgreSQL and 0.6 on PGlite", () => {
    const m = measurements();
    m.pages.listSearch = { ...m.pages.list, reqPerSec: 210 };
    const on = (driver: "postgres" | "pglite") => computeRatios(m, driver).find((r) => r.id === "23f");
    expect(on("pglite")).toMatchObject({ value: 0.7, target: 0.6, met: true });
    expect(on("postgres")).toMatchObject({ value: 0.7, target: 0.8, met: false });
  });
});

describe("first-load JavaScript", () => {
  const html = `<html><head><script src="/_next/static/chunks/a.js" async=""></script>
    <script nonce="x" src="/_next/static/chunks/app/%5BpublicId%5D/page-1.js?dpl=9"></script>
    <script src="/_next/static/chunks/a.js"></script><script src="https://cdn.example/x.js"></script>
    <script>self.__next_f.push([1,"x"])</script></head></html>`;

  it("lists each /_next/static script once, without query strings or foreign scripts", () => {
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/app/%5BpublicId%5D/page-1.js"]);
  });

  it("refuses paths that climb out of the build folder", () => {
    expect(staticFilePath("/d", "/_next/static/chunks/../../secret")).toBeNull();
    expect(staticFilePath("/d", "/_next/static/chunks/app/%5BpublicId%5D/p.js")).toBe("/d/static/chunks/app/[publicId]/p.js");
  });

  it("adds up the gzip size of every chunk the page loads", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bench-js-"));
    mkdirSync(path.join(dir, "static/chunks/app/[publicId]"), { recursive: true });
    const a = "console.log('a');".repeat(200);
    const b = "export const b = 1;";
    writeFileSync(path.join(dir, "static/chunks/a.js"), a);
    writeFileSync(path.join(dir, "static/chunks/app/[publicId]/page-1.js"), b);
    const size = await firstLoadJsGzip(dir, html);
    expect(size).toEqual({ bytes: gzipSync(a, { level: 9 }).length + gzipSync(b, { level: 9 }).length, chunks: 2 });
  });
});

describe("a fixed-count load run's length", () => {
  it("ends at its last response, not at autocannon's next one-second tick", async () => {
    const { createServer } = await import("node:http");
    const { timedRun } = await import("@/bench/load");
    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as { port: number };
    try {
      const { result, seconds } = await timedRun({ url: `http://127.0.0.1:${port}/`, connections: 4, amount: 40 });
      expect((result as { requests: { total: number } }).requests.total).toBe(40);
      // autocannon stamps the run's end on its next one-second tick, after the last response.
      const ticked = (result as { duration: number }).duration;
      expect(ticked).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThan(ticked);
    } finally {
      server.close();
    }
  });
});
