import { getDb } from "@/db/client";
import { canUsePartners } from "@/lib/accounts/viewer";
import { exportContractsCsv, exportFileName } from "@/lib/contracts/export-contracts";
import { mayOpenPartnersPath } from "@/lib/reseller/partners-access";
import { getViewer } from "@/lib/session";

/**
 * GET /partners/contracts/export?q=&status=&kind=: the Contracts list as CSV, streamed. Reads only; the
 * caller's own account; the same filters as the list (unknown values read as "All").
 */
export async function GET(request: Request): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sign in to export contracts.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!canUsePartners(viewer) || !mayOpenPartnersPath(viewer, "/partners/contracts") || !viewer.permissions.agreement.service.create)
    return new Response("Not found.", { status: 404, headers: { "Cache-Control": "no-store" } });
  const sp = new URL(request.url).searchParams;
  const one = (k: string) => sp.get(k) ?? undefined;
  const body = exportContractsCsv(await getDb(), viewer, { q: one("q"), status: one("status"), kind: one("kind") });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(viewer)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
