import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, staffInvitations, users } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { changeRole } from "@/lib/people/change-role";
import { joinAsNewUser } from "@/lib/people/join-account";
import { removeUser } from "@/lib/people/remove-user";
import { onPostgres } from "@/tests/support/setup-db";
import { db, makeAccount, makeMember } from "../support/factories";
import { invite } from "../support/people";

// Issue 17: an account keeps at least one Owner. Each change locks the account's row and checks under
// the lock, so Owners demoting or removing each other at the same moment leave exactly one Owner.

const owners = async (accountId: string) =>
  (
    await (
      await db()
    )
      .select()
      .from(memberships)
      .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "owner")))
  ).length;

/**
 * How many calls succeeded; every refusal must be a typed AppError, never a database error (the loser of
 * two Owners demoting each other is refused either as the last Owner or, having just lost Owner, as not
 * allowed to take it away).
 */
const settle = async (calls: Promise<unknown>[]) => {
  const results = await Promise.allSettled(calls);
  for (const r of results) if (r.status === "rejected") expect(isAppError(r.reason), String(r.reason)).toBe(true);
  return results.filter((r) => r.status === "fulfilled").length;
};

describe(`the last Owner (${onPostgres ? "PostgreSQL: real races" : "PGlite: serialized, same outcome"})`, () => {
  it("two Owners demoting each other at once: one succeeds, one Owner remains", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await makeAccount({ name: `Race ${round} Inc.` });
      const b = await makeMember(a, "owner");
      const done = await settle([
        changeRole(await db(), a.viewer, { userId: b.user.publicId, role: "member" }),
        changeRole(await db(), b.viewer, { userId: a.user.publicId, role: "member" }),
      ]);
      expect(done).toBe(1);
      expect(await owners(a.account.id)).toBe(1);
    }
  });

  it("three Owners each demoting themselves and removing another at once: at least one Owner always remains", async () => {
    for (let round = 0; round < 3; round++) {
      const a = await makeAccount({ name: `Crowd ${round} Inc.` });
      const b = await makeMember(a, "owner");
      const c = await makeMember(a, "owner");
      await settle([
        changeRole(await db(), a.viewer, { userId: a.user.publicId, role: "admin" }),
        changeRole(await db(), b.viewer, { userId: b.user.publicId, role: "admin" }),
        removeUser(await db(), c.viewer, { userId: a.user.publicId }),
        removeUser(await db(), b.viewer, { userId: c.user.publicId }),
        changeRole(await db(), c.viewer, { userId: c.user.publicId, role: "readonly" }),
      ]);
      expect(await owners(a.account.id)).toBeGreaterThanOrEqual(1);
    }
  });

  it("one invitation link submitted many times at once makes exactly one user and one membership", async () => {
    const a = await makeAccount({ name: "Join Race Inc." });
    const { token, invitationId, email } = await invite(a, "member");
    const d = await db();
    const info = { ip: "198.51.100.30", userAgent: "race" };
    const password = "copper kettle hums beside nine quiet lanterns";
    const done = await settle(Array.from({ length: 8 }, (_, i) => joinAsNewUser(d, { token, fullName: `Racer ${i}`, password }, info)));
    expect(done).toBe(1);
    const [row] = await d.select().from(staffInvitations).where(eq(staffInvitations.id, invitationId));
    expect(row.status).toBe("accepted");
    const made = await d
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    expect(made).toHaveLength(1);
    expect(await d.select().from(memberships).where(eq(memberships.userId, made[0].id))).toHaveLength(1);
  });
});
