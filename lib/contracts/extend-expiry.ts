import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError } from "@/lib/errors";
import { recheckFollowUp } from "@/lib/follow-up/arm";
import { extendExpirySchema } from "@/lib/follow-up/schemas";
import { assertMayManageContracts, ownContract, unchangedError } from "./contract-transition";
import { expiryFromDate } from "./schemas";

/**
 * Extend expiry: a later expiration day for a pending contract's current link (the link itself does not
 * change, so what was emailed keeps working; an expired link works again). Compare-and-set on the expiry
 * the dialog showed, so two people extending at once cannot silently overwrite each other. The event keeps
 * the old and the new date; the expiry notices are planned again for the new date.
 */
export async function extendExpiry(db: Db, viewer: Viewer, input: unknown): Promise<{ linkExpiresAt: Date; previous: Date }> {
  assertMayManageContracts(viewer);
  const { publicId, linkExpiresOn, currentExpiresAt } = parseOrThrow(extendExpirySchema, input);
  const previous = new Date(currentExpiresAt);
  const linkExpiresAt = expiryFromDate(linkExpiresOn);
  if (linkExpiresAt.getTime() <= previous.getTime()) {
    throw new AppError("invalid", errorKey("expiryLaterDay"), {
      linkExpiresOn: errorKey("expiryDayAfter", { date: previous.getTime() }),
    });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(contracts)
      .set({ linkExpiresAt, updatedAt: sql`now()` })
      .where(
        and(
          ownContract(viewer, publicId, "pending"),
          sql`date_trunc('milliseconds', ${contracts.linkExpiresAt}) = ${previous.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: contracts.id, publicId: contracts.publicId });
    if (!row) {
      const [current] = await tx
        .select({ status: contracts.status })
        .from(contracts)
        .where(and(eq(contracts.publicId, publicId), eq(contracts.issuerAccountId, viewer.accountId)))
        .limit(1);
      if (current?.status === "pending") throw new AppError("stale", errorKey("expiryChanged"));
      throw await unchangedError(tx, viewer, publicId, "pending");
    }
    await recheckFollowUp(tx, row.id);
    await recordEvent(tx, viewer, {
      type: "contract.link_expiry_extended",
      subjectType: "contract",
      subjectId: row.id,
      subjectPublicId: row.publicId,
      data: { from: previous.toISOString(), to: linkExpiresAt.toISOString() },
    });
    return { linkExpiresAt, previous };
  });
}
