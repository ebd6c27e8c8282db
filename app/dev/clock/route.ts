import { getDb } from "@/db/client";
import { clockOffset, now, setClockOffset } from "@/lib/clock";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { env } from "@/lib/env";
import { runScheduledJobs } from "@/lib/scheduler/jobs";
import { assertSameOrigin, getViewer } from "@/lib/session";

/**
 * POST /dev/clock {"offsetMs"}: moves this process's application clock (lib/clock.ts) and runs the scheduled
 * jobs at once, so a browser journey sees a reminder days ahead without waiting. 404 unless SCP_DEV_CLOCK=1,
 * which only the e2e global setup sets; signed-in users only. The activation links' own expiry still uses the
 * database's clock.
 */
export async function POST(request: Request): Promise<Response> {
  if (!env().SCP_DEV_CLOCK) return new Response("Not found.", { status: 404 });
  try {
    await assertSameOrigin();
  } catch {
    return new Response(null, { status: 403 });
  }
  if (!(await getViewer())) return new Response(null, { status: 401 });
  const body = (await request.json().catch(() => null)) as { offsetMs?: unknown } | null;
  const offset = Number(body?.offsetMs);
  if (!Number.isFinite(offset) || Math.abs(offset) > 5 * 365 * 86_400_000)
    return new Response("offsetMs: a number of milliseconds.", { status: 400 });
  setClockOffset(offset);
  const done = await runScheduledJobs(await getDb(), now());
  kickOutbox();
  return Response.json({ offsetMs: clockOffset(), now: now().toISOString(), done }, { headers: { "Cache-Control": "no-store" } });
}
