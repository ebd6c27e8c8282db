import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreements, agreementVersions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import type { VersionText } from "@/lib/data/read-shapes";
import { AppError } from "@/lib/errors";
import { wizardPreviewSchema } from "./schemas";

/**
 * The active version's text of one of the caller's own service agreements: what the wizard's Agreement
 * step previews, and what a contract made now would be on. Another account's agreement (or one without
 * an active version) is not_found, like a missing one.
 */
export async function getWizardAgreementText(db: DbOrTx, viewer: Viewer, input: unknown): Promise<VersionText> {
  if (!viewer.permissions.agreement.service.create) throw new AppError("forbidden", errorKey("serviceContractsCreateForbidden"));
  const { agreementId } = parseOrThrow(wizardPreviewSchema, input);
  const [row] = await db
    .select({ number: agreementVersions.number, content: agreementVersions.content, contentKind: agreementVersions.contentKind })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.active, true)))
    .where(and(eq(agreements.publicId, agreementId), eq(agreements.ownerAccountId, viewer.accountId), eq(agreements.type, "service")))
    .limit(1);
  if (!row) throw new AppError("not_found", errorKey("agreementNotFound"));
  return row;
}
