import { checkReady } from "@/db/client";
import { isDraining } from "@/lib/ops/lifecycle.mjs";

/**
 * Readiness: the database answers within READY_TIMEOUT_MS and holds this build's migrations, and the
 * process is not shutting down. 503 tells a load balancer to send work elsewhere. The answer names the
 * reason only, never a host, a URL or an error message.
 */
export const dynamic = "force-dynamic";
const READY_TIMEOUT_MS = 2000;

export async function GET() {
  const reason = isDraining() ? "shutting down" : await readinessProblem();
  const headers = { "Cache-Control": "no-store" };
  if (reason) return Response.json({ status: "unavailable", reason }, { status: 503, headers });
  return Response.json({ status: "ready" }, { headers });
}

async function readinessProblem(): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("database timeout"), READY_TIMEOUT_MS)));
  try {
    return await Promise.race([checkReady().then((r) => (r.ready ? null : r.reason)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
