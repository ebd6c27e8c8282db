import autocannon from "autocannon";
import { noCpu, type CpuReader } from "./cpu";
import type { PageFigures } from "./ratios";

/**
 * `seconds`: a timed run. `amount`: a run of exactly that many requests, which ends when every one is
 * answered, so no request is still being served when the next page's run starts (on a slow or shared
 * machine, a timed run leaves up to `connections` slow requests behind, charged to the next page).
 */
export type LoadOptions = { connections: number; seconds: number; amount?: number; cookie?: string; overallRate?: number };

type Result = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};

/**
 * One autocannon run (no pipelining). `cpu` reads the server process's CPU time: its difference over the
 * run, divided by the requests answered, is the server's CPU milliseconds per request.
 */
export async function hit(url: string, o: LoadOptions, cpu: CpuReader = noCpu): Promise<PageFigures> {
  const cpuBefore = cpu();
  const { result: r, seconds } = await timedRun({
    url,
    connections: o.connections,
    pipelining: 1,
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds }),
    headers: o.cookie ? { cookie: o.cookie } : {},
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
  });
  const result = r as Result;
  const cpuAfter = cpu();
  const requests = result.requests.total;
  return {
    url,
    // A fixed-count run's rate is its requests over the time to its last response (timedRun).
    reqPerSec: o.amount ? requests / seconds : result.requests.average,
    cpuMsPerReq: cpuBefore != null && cpuAfter != null && requests > 0 ? (cpuAfter - cpuBefore) / requests : null,
    requests,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Status of a single GET, following no redirects: a page that 404s or redirects is "not available". */
export async function probe(url: string, cookie?: string): Promise<{ status: number; html: string; location: string | null }> {
  const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

/**
 * An autocannon run and its length. autocannon ends a run, and stamps its duration, only on its one-second
 * tick: 60 requests answered in 0.4 s "took" 1 s, which made every quick-mode rate a multiple of the round's
 * size (60 or 30 req/s). A fixed-count run (`amount`) lasts until its last response instead.
 */
export async function timedRun(options: Record<string, unknown>): Promise<{ result: unknown; seconds: number }> {
  const started = performance.now();
  let lastResponse = started;
  const run = autocannon(options);
  run.on("response", () => (lastResponse = performance.now()));
  const result = (await run) as { duration: number };
  return { result, seconds: options.amount ? Math.max(lastResponse - started, 1) / 1000 : result.duration };
}
