import "server-only";
import { getDb } from "@/db/client";
import { canUsePartners } from "@/lib/accounts/viewer";
import { isAppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { logSecurity } from "@/lib/log";
import { mayOpenPartnersPath } from "@/lib/reseller/partners-access";
import { getViewer } from "@/lib/session";
import { certificateFileName, certificatePdf, getCertificate, type CertificateScope } from "./certificate";
import { serializeDocument } from "./document";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain" } });

/**
 * GET …/contracts/<CRS-…>/certificates/<code>.json|.pdf: the certificate of one signing, for the issuer's
 * staff (Partners, with the Contracts tab) or the owning reseller's users; 404 for everybody else,
 * exactly as for a code that does not exist.
 */
export async function certificateDownload(scope: CertificateScope, contractPublicId: string, file: string): Promise<Response> {
  const match = /^([0-9A-Fa-f-]{16,19})\.(json|pdf)$/.exec(file);
  const viewer = await getViewer();
  if (!match || !viewer) return notFound();
  if (scope === "issuer" && (!canUsePartners(viewer) || !mayOpenPartnersPath(viewer, "/partners/contracts"))) return notFound();
  let bundle;
  try {
    bundle = await getCertificate(await getDb(), viewer, contractPublicId, match[1], scope);
  } catch (e) {
    if (isAppError(e, "not_found")) {
      logSecurity("access.refused", { reason: "certificate not found", userId: viewer.userId, accountId: viewer.accountId, ip: viewer.ip });
      return notFound();
    }
    throw e;
  }
  const ext = match[2] as "json" | "pdf";
  const headers = {
    "Content-Type": ext === "json" ? "application/json; charset=utf-8" : "application/pdf",
    "Content-Disposition": `attachment; filename="${certificateFileName(bundle.certificate, ext)}"`,
    "Cache-Control": "private, no-store",
  };
  if (ext === "json") return new Response(serializeDocument(bundle.document), { headers });
  // The printed words in the reader's language; the signed document it carries is the same in every language.
  return new Response(Buffer.from(await certificatePdf(bundle, await getLocale())), { headers });
}
