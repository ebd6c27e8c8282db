import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contracts } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";
import { linkRefusal } from "./link-refusal";
import type { RequestInfo } from "./prepare-signer";
import { hitActivationLimits } from "./rate-limits";
import { resolveActivationLink } from "./resolve-activation-link";
import { rejectionReasonSchema } from "./schemas";

/** The reseller refuses the contract, with a reason: pending → rejected, once (compare-and-set). */
export async function rejectContract(
  db: Db,
  token: string,
  input: { reason: unknown },
  info: RequestInfo,
): Promise<{ contractPublicId: string }> {
  if (typeof token !== "string" || !isWellFormedToken(token)) throw linkRefusal("invalid");
  const tokenHash = hashToken(token);
  await hitActivationLimits(db, tokenHash, info.ip);
  const parsed = rejectionReasonSchema.safeParse(input.reason);
  if (!parsed.success) throw new AppError("invalid", errorKey("invalid"), { reason: parsed.error.issues[0].message });
  const reason = parsed.data;

  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contracts)
      .set({ status: "rejected", rejectedAt: sql`now()`, rejectionReason: reason, updatedAt: sql`now()` })
      .where(and(eq(contracts.tokenHash, tokenHash), eq(contracts.status, "pending"), sql`${contracts.linkExpiresAt} > now()`))
      .returning({ id: contracts.id, publicId: contracts.publicId, issuerAccountId: contracts.issuerAccountId });
    if (!row) throw linkRefusal((await resolveActivationLink(tx, token)).state);
    await recordEvent(
      tx,
      { userId: null, accountId: row.issuerAccountId, ip: info.ip, userAgent: info.userAgent },
      {
        type: "contract.rejected",
        subjectType: "contract",
        subjectId: row.id,
        subjectPublicId: row.publicId,
        data: { reason },
      },
    );
    return { contractPublicId: row.publicId };
  });
}
