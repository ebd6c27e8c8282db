import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, contractVersions, users } from "@/db/schema";
import { activateContract } from "@/lib/activation/activate-contract";
import { ACTIVATION_LIMIT_PER_TOKEN } from "@/lib/activation/rate-limits";
import { rejectContract } from "@/lib/activation/reject-contract";
import { loadViewer } from "@/lib/accounts/viewer";
import { verifyPassword } from "@/lib/security/passwords";
import { db, makeAccount, TEST_PASSWORD } from "@/tests/support/factories";
import {
  activationMails,
  contractRow,
  distributorWithAgreement,
  eventsOf,
  NEW_PASSWORD,
  requestFrom,
  tableCounts,
} from "./activation-support";

describe("activateContract", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
  });

  it("a new reseller: creates the user and company, activates on the active version, with evidence, event and mail", async () => {
    const c = await setup.issue();
    const info = requestFrom();
    const result = await activateContract(
      await db(),
      c.token,
      {
        signer: { kind: "new", email: "Rita@Example.test", fullName: "Rita Reseller", password: NEW_PASSWORD },
        company: { kind: "new", name: "Rita Resale LLC" },
      },
      info,
    );
    expect(result.contractPublicId).toBe(c.publicId);
    const row = await contractRow(c.id);
    expect(row.status).toBe("active");
    expect(row.activatedAt).not.toBeNull();
    expect(row.agreementVersionId).toBe(setup.versions[1].id);
    const [user] = await (await db()).select().from(users).where(eq(users.id, row.signeeUserId!));
    expect(user.email).toBe("rita@example.test");
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    const [company] = await (await db()).select().from(accounts).where(eq(accounts.id, row.ownerAccountId!));
    expect(company).toMatchObject({ name: "Rita Resale LLC", role: "reseller", publicId: result.accountPublicId });
    // The new user can work in the company right away, with what the contract granted.
    const viewer = await loadViewer(await db(), { userId: user.id, sessionVersion: 1 });
    expect(viewer?.accountPublicId).toBe(company.publicId);
    expect(viewer?.permissions.agreement.program.create).toBe(true);
    const [evidence] = await (await db()).select().from(contractVersions).where(eq(contractVersions.contractId, c.id));
    expect(evidence).toMatchObject({
      agreementVersionId: setup.versions[1].id,
      sha256: setup.versions[1].sha256,
      ip: info.ip,
      userAgent: info.userAgent,
      signedByUserId: user.id,
    });
    const evs = await eventsOf(c.id);
    expect(evs.map((e) => e.type)).toEqual(["contract.created", "contract.activated"]);
    expect(evs[1]).toMatchObject({ userId: user.id, accountId: company.id, ip: info.ip, userAgent: info.userAgent });
    const mails = await activationMails(c.id);
    expect(mails.map((m) => m.to)).toEqual([setup.issuer.user.email]);
    expect(JSON.stringify([row, evs, mails, evidence])).not.toContain(NEW_PASSWORD);
  });

  it("an existing user with a new company: password checked, no second user, a membership in the new company", async () => {
    const { user, account } = await makeAccount({ role: "reseller", name: "Old Co Inc." });
    const c = await setup.issue();
    const before = await tableCounts();
    const result = await activateContract(
      await db(),
      c.token,
      { signer: { kind: "existing", email: user.email, password: TEST_PASSWORD }, company: { kind: "new", name: "Second Co GmbH" } },
      requestFrom(),
    );
    const after = await tableCounts();
    expect(after.users).toBe(before.users);
    expect(after.accounts).toBe(before.accounts + 1);
    const row = await contractRow(c.id);
    expect(row.signeeUserId).toBe(user.id);
    expect(row.ownerAccountId).not.toBe(account.id);
    const viewer = await loadViewer(await db(), { userId: user.id, sessionVersion: 1, accountPublicId: result.accountPublicId });
    expect(viewer?.accounts.map((a) => a.name).sort()).toEqual(["Old Co Inc.", "Second Co GmbH"]);
  });

  it("an existing user for one of their existing reseller companies", async () => {
    const { user, account } = await makeAccount({ role: "reseller", name: "Existing Co LLC" });
    const c = await setup.issue();
    const before = await tableCounts();
    await activateContract(
      await db(),
      c.token,
      {
        signer: { kind: "existing", email: user.email, password: TEST_PASSWORD },
        company: { kind: "existing", accountPublicId: account.publicId },
      },
      requestFrom(),
    );
    expect((await contractRow(c.id)).ownerAccountId).toBe(account.id);
    const after = await tableCounts();
    expect([after.users, after.accounts, after.memberships]).toEqual([before.users, before.accounts, before.memberships]);
  });

  it("a signed-in viewer for one of their companies; never for a company they do not belong to", async () => {
    const mine = await makeAccount({ role: "reseller" });
    const theirs = await makeAccount({ role: "reseller" });
    const c = await setup.issue();
    await expect(
      activateContract(
        await db(),
        c.token,
        { signer: { kind: "viewer", userId: mine.user.id }, company: { kind: "existing", accountPublicId: theirs.account.publicId } },
        requestFrom(),
      ),
    ).rejects.toMatchObject({ code: "not_found", fieldErrors: { companyId: expect.any(String) } });
    expect((await contractRow(c.id)).status).toBe("pending");
    await activateContract(
      await db(),
      c.token,
      { signer: { kind: "viewer", userId: mine.user.id }, company: { kind: "existing", accountPublicId: mine.account.publicId } },
      requestFrom(),
    );
    expect((await contractRow(c.id)).ownerAccountId).toBe(mine.account.id);
  });

  it("refuses a wrong password for an existing user, a weak new password, and a distributor company, writing nothing", async () => {
    const { user } = await makeAccount({ role: "reseller" });
    const distributor = await makeAccount();
    const c = await setup.issue();
    const before = await tableCounts();
    await expect(
      activateContract(
        await db(),
        c.token,
        { signer: { kind: "existing", email: user.email, password: "not the password at all" }, company: { kind: "new", name: "X Inc." } },
        requestFrom(),
      ),
    ).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { password: "Incorrect password for this email." },
    });
    await expect(
      activateContract(
        await db(),
        c.token,
        { signer: { kind: "new", email: "weak@example.test", fullName: "W", password: "short" }, company: { kind: "new", name: "X Inc." } },
        requestFrom(),
      ),
    ).rejects.toMatchObject({
      fieldErrors: { password: expect.stringMatching(/at least 15/) },
    });
    await expect(
      activateContract(
        await db(),
        c.token,
        {
          signer: { kind: "existing", email: distributor.user.email, password: TEST_PASSWORD },
          company: { kind: "existing", accountPublicId: distributor.account.publicId },
        },
        requestFrom(),
      ),
    ).rejects.toMatchObject({ code: "not_found" });
    const after = await tableCounts();
    expect({ ...after, rate_limits: 0 }).toEqual({ ...before, rate_limits: 0 });
    expect((await contractRow(c.id)).status).toBe("pending");
  });

  it("rolls everything back when the transaction fails midway: no company, no user, contract still pending", async () => {
    // The email was registered by someone else between the steps: the company is already inserted when the user insert fails.
    const taken = await makeAccount({ role: "reseller" });
    const c = await setup.issue();
    const before = await tableCounts();
    await expect(
      activateContract(
        await db(),
        c.token,
        {
          signer: { kind: "new", email: taken.user.email.toUpperCase(), fullName: "Late Comer", password: NEW_PASSWORD },
          company: { kind: "new", name: "Half Made Inc." },
        },
        requestFrom(),
      ),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { email: expect.any(String) } });
    const after = await tableCounts();
    expect({ ...after, rate_limits: 0 }).toEqual({ ...before, rate_limits: 0 });
    expect(
      await (
        await db()
      )
        .select()
        .from(accounts)
        .where(sql`${accounts.name} = 'Half Made Inc.'`),
    ).toHaveLength(0);
    const row = await contractRow(c.id);
    expect([row.status, row.ownerAccountId, row.signeeUserId, row.activatedAt]).toEqual(["pending", null, null, null]);
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual(["contract.created"]);
  });

  it("limits attempts per token, even from different addresses", async () => {
    const c = await setup.issue();
    for (let i = 0; i < ACTIVATION_LIMIT_PER_TOKEN; i++) {
      await expect(rejectContract(await db(), c.token, { reason: "" }, requestFrom())).rejects.toMatchObject({ code: "invalid" });
    }
    await expect(rejectContract(await db(), c.token, { reason: "Fine reason" }, requestFrom())).rejects.toMatchObject({
      code: "rate_limited",
    });
    expect((await contractRow(c.id)).status).toBe("pending");
  });
});

describe("rejectContract", () => {
  it("moves pending to rejected with the reason and an event, once", async () => {
    const setup = await distributorWithAgreement();
    const c = await setup.issue();
    await expect(rejectContract(await db(), c.token, { reason: "x".repeat(501) }, requestFrom())).rejects.toMatchObject({
      fieldErrors: { reason: expect.stringMatching(/500/) },
    });
    await rejectContract(await db(), c.token, { reason: "  We already work with another distributor. " }, requestFrom());
    const row = await contractRow(c.id);
    expect([row.status, row.rejectionReason]).toEqual(["rejected", "We already work with another distributor."]);
    expect(row.rejectedAt).not.toBeNull();
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual(["contract.created", "contract.rejected"]);
    await expect(rejectContract(await db(), c.token, { reason: "again" }, requestFrom())).rejects.toMatchObject({ code: "conflict" });
    await expect(
      activateContract(
        await db(),
        c.token,
        {
          signer: { kind: "new", email: "after@example.test", fullName: "A", password: NEW_PASSWORD },
          company: { kind: "new", name: "A Inc." },
        },
        requestFrom(),
      ),
    ).rejects.toMatchObject({ message: expect.stringMatching(/rejected/) });
  });
});
