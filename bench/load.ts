import autocannon from "autocannon";
import type { PageFigures } from "./ratios";

export type LoadOptions = { connections: number; seconds: number; cookie?: string; overallRate?: number };

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number };

/** One autocannon run (no pipelining). */
export async function hit(url: string, o: LoadOptions): Promise<PageFigures> {
  const result = (await autocannon({
    url,
    connections: o.connections,
    pipelining: 1,
    duration: o.seconds,
    headers: o.cookie ? { cookie: o.cookie } : {},
    ...(o.overallRate ? { overallRate: o.overallRate } : {}),
  })) as unknown as Result;
  return {
    url,
    reqPerSec: result.requests.average,
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
