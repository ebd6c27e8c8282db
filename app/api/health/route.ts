/**
 * Liveness: the process is up and answering. Touches nothing else, so a slow database never gets a
 * healthy process restarted (that is /api/ready's job to report). Public: proxy.ts lets it through.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
