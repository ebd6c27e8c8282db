import autocannon from "autocannon";
import { noCpu, type CpuReader } from "./cpu";
import type { PageFigures } from "./ratios";

export type LoadOptions = { connections: number; seconds: number; cookie?: string; overallRate?: number };

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
  const result = (await autocannon({
    url,
    connections: o.connections,
    pipelining: 1,
    duration: o.seconds,
    headers: o.cookie ? { cookie: o.cookie } : {},
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
  })) as unknown as Result;
  const cpuAfter = cpu();
  const requests = result.requests.total;
  return {
    url,
    reqPerSec: result.requests.average,
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
