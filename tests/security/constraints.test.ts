import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { agreementVersions, contracts, memberships, users } from "@/db/schema";
import { isUniqueViolation } from "@/lib/errors";
import { db, makeAccount, makeAgreement, makeContract } from "../support/factories";

// SECURITY.md 23: the database itself refuses what the code must never do.
async function rejects(p: Promise<unknown>) {
  let error: unknown;
  try {
    await p;
  } catch (e) {
    error = e;
  }
  expect(error, "the database accepted a row it must refuse").toBeDefined();
  return error;
}

describe("database constraints", () => {
  it("emails are unique case-insensitively", async () => {
    const { user } = await makeAccount();
    const e = await rejects(
      (await db()).insert(users).values({ publicId: "UR-000-000-001", email: user.email.toUpperCase(), fullName: "x", passwordHash: "x" }),
    );
    expect(isUniqueViolation(e)).toBe(true);
  });

  it("a membership exists once per user and account", async () => {
    const { user, account } = await makeAccount();
    const e = await rejects((await db()).insert(memberships).values({ userId: user.id, accountId: account.id }));
    expect(isUniqueViolation(e)).toBe(true);
  });

  it("public IDs and token hashes are unique", async () => {
    const a = await makeAccount();
    const { agreement } = await makeAgreement(a);
    const c1 = await makeContract(a, agreement.publicId);
    const c2 = await makeContract(a, agreement.publicId);
    const database = await db();
    const [row1] = await database.select().from(contracts).where(eq(contracts.id, c1.id));
    expect(isUniqueViolation(await rejects(database.update(contracts).set({ publicId: c1.publicId }).where(eq(contracts.id, c2.id))))).toBe(
      true,
    );
    expect(
      isUniqueViolation(await rejects(database.update(contracts).set({ tokenHash: row1.tokenHash }).where(eq(contracts.id, c2.id)))),
    ).toBe(true);
  });

  it("at most one version of an agreement is active", async () => {
    const a = await makeAccount();
    const { versions } = await makeAgreement(a, { versions: 2, active: 1 });
    const e = await rejects((await db()).update(agreementVersions).set({ active: true }).where(eq(agreementVersions.id, versions[1].id)));
    expect(isUniqueViolation(e, "one_active")).toBe(true);
  });

  it("an active contract has an owner and a signee", async () => {
    const a = await makeAccount();
    const { agreement } = await makeAgreement(a);
    const c = await makeContract(a, agreement.publicId);
    const e = (await rejects((await db()).update(contracts).set({ status: "active" }).where(eq(contracts.id, c.id)))) as {
      cause?: { code?: string };
      code?: string;
    };
    expect(e.code ?? e.cause?.code).toBe("23514"); // check_violation
  });

  it("a contract status outside the lifecycle is refused", async () => {
    const a = await makeAccount();
    const { agreement } = await makeAgreement(a);
    const c = await makeContract(a, agreement.publicId);
    await rejects((await db()).execute(sql`update contracts set status = 'approved' where id = ${c.id}`));
  });
});
