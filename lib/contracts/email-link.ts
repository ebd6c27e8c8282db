import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { enqueueInvitation } from "@/lib/email/messages";
import { AppError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { decryptToken } from "@/lib/security/tokens";
import { armFollowUp } from "@/lib/follow-up/arm";
import { countInvitation } from "./invitation-quota";
import { assertMayManageContracts, ownContract, unchangedError } from "./contract-transition";
import { emailLinkSchema } from "./detail-schemas";

export const EMAILS_PER_HOUR = 5;

/** Emails the current activation link of a pending contract to the signee email (set or changed here). */
export async function emailLink(db: Db, viewer: Viewer, input: unknown): Promise<{ to: string }> {
  assertMayManageContracts(viewer);
  const { publicId, signeeEmail } = parseOrThrow(emailLinkSchema, input);
  // A scoped read first, so another tenant's contract is "not found" before any counter is touched.
  const [own] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.publicId, publicId), eq(contracts.issuerAccountId, viewer.accountId)))
    .limit(1);
  if (!own) throw new AppError("not_found", errorKey("contractNotYours"));
  const hit = await hitRateLimit(db, `contract-email:${own.id}`, EMAILS_PER_HOUR, 3600);
  if (!hit.allowed) throw new AppError("rate_limited", errorKey("linkEmailedLimit", { count: EMAILS_PER_HOUR }));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contracts)
      .set({ signeeEmail, updatedAt: sql`now()` })
      .where(and(ownContract(viewer, publicId, "pending"), gt(contracts.linkExpiresAt, sql`now()`)))
      .returning({ id: contracts.id, publicId: contracts.publicId, tokenCiphertext: contracts.tokenCiphertext });
    if (!row) throw await unchangedError(tx, viewer, publicId, "pending");
    if (!row.tokenCiphertext) throw new AppError("expired", errorKey("noUsableLink"));
    await countInvitation(tx, viewer.accountId);
    await enqueueInvitation(tx, {
      contractId: row.id,
      contractPublicId: row.publicId,
      to: signeeEmail,
      token: decryptToken(row.tokenCiphertext),
    });
    // Emailing the link again starts the reminder schedule over.
    await armFollowUp(tx, row.id);
    await recordEvent(tx, viewer, {
      type: "contract.link_emailed",
      subjectType: "contract",
      subjectId: row.id,
      subjectPublicId: row.publicId,
      data: { to: signeeEmail },
    });
    return { to: signeeEmail };
  });
}
