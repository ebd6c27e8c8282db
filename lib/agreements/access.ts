import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agreements } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import type { AuditCatalogue, AuditEventType } from "@/lib/audit/catalogue";
import { recordEvent, type EventInput } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors";
import type { AgreementType } from "./schemas";

/** program.create manages program agreements; service.create manages service agreements. */
export function mayManage(viewer: Pick<Viewer, "permissions">, type: AgreementType): boolean {
  return type === "program" ? viewer.permissions.agreement.program.create : viewer.permissions.agreement.service.create;
}

export function assertMayManage(viewer: Pick<Viewer, "permissions">, type: AgreementType): void {
  if (!mayManage(viewer, type)) {
    throw new AppError("forbidden", errorKey("agreementTypeForbidden", { type }));
  }
}

/**
 * Every version change starts here: bumping updated_at on the caller's own agreement both scopes the
 * change to the tenant and row-locks the agreement, so concurrent version changes on it run one after
 * the other instead of racing on the one-active index.
 */
export async function lockOwnedAgreement(tx: Tx, viewer: Viewer, publicId: string) {
  const [row] = await tx
    .update(agreements)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(agreements.publicId, publicId), eq(agreements.ownerAccountId, viewer.accountId)))
    .returning({ id: agreements.id, publicId: agreements.publicId, type: agreements.type, name: agreements.name });
  if (!row) throw new AppError("not_found", errorKey("agreementNotFound"));
  assertMayManage(viewer, row.type);
  return row;
}

/** The audit event of an agreement change, written in the change's own transaction. */
export async function recordAgreementEvent<T extends AgreementEvent>(
  tx: Tx,
  viewer: Viewer,
  agreement: { id: string; publicId: string },
  type: T,
  data: AuditCatalogue[`agreement.${T}`],
): Promise<void> {
  const input = {
    type: `agreement.${type}`,
    subjectId: agreement.id,
    subjectPublicId: agreement.publicId,
    data,
  } as EventInput<`agreement.${T}`>;
  await recordEvent(tx, viewer, input);
}

type AgreementEvent = Extract<AuditEventType, `agreement.${string}`> extends `agreement.${infer T}` ? T : never;
