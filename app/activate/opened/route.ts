import { getDb } from "@/db/client";
import { recordOpen } from "@/lib/follow-up/record-open";
import { requestInfo } from "@/lib/request-info";
import { assertSameOrigin } from "@/lib/session";

/**
 * POST /activate/opened {"token"}: the activation page's "opened" beacon (components/activation/opened-beacon.tsx).
 * Same-origin only; always 204, whatever the link, so it reveals nothing. No GET: opening a link stays read-only.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    await assertSameOrigin();
  } catch {
    return new Response(null, { status: 403 });
  }
  const body = await request
    .text()
    .then((t) => (t.length > 2000 ? null : (JSON.parse(t) as unknown)))
    .catch(() => null);
  await recordOpen(await getDb(), body, requestInfo(request.headers));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
