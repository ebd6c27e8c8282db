import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";
import type { Viewer } from "./viewer";

/** Bumps the session version: every token issued before now stops working on its next request. */
export async function signOutEverywhere(db: Db, viewer: Viewer): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, viewer.userId));
    await recordEvent(
      tx,
      { userId: viewer.userId, accountId: viewer.accountId, ip: viewer.ip, userAgent: viewer.userAgent },
      {
        type: "user.signed_out_everywhere",
        subjectType: "user",
        subjectId: viewer.userId,
        subjectPublicId: viewer.userPublicId,
      },
    );
  });
}
