import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as argon2 from "@node-rs/argon2";
import { activateAction, rejectAction } from "@/app/activate/actions";
import { companyStepAction, reviewStepAction, userStepAction } from "@/app/activate/step-actions";
import { contracts } from "@/db/schema";
import { activateContract } from "@/lib/activation/activate-contract";
import { INVALID_LINK_MESSAGE } from "@/lib/activation/link-refusal";
import { PROGRESS_COOKIE, sealProgress } from "@/lib/activation/progress-cookie";
import { START_AGAIN } from "@/lib/activation/step-context";
import type { StepAction } from "@/lib/activation/step-state";
import { hashToken, newActivationToken } from "@/lib/security/tokens";
import { db } from "@/tests/support/factories";
import { request, resetRequest } from "@/tests/support/next";
import { distributorWithAgreement, NEW_PASSWORD, requestFrom, tableCounts } from "./activation-support";
import { newVisitor, progressCookie, stepForm, submit } from "./activation-steps-support";

// Every argon2 computation in this file is counted: a refused link must cost none.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, hash: vi.fn(real.hash), verify: vi.fn(real.verify) };
});
const argonCalls = () => vi.mocked(argon2.hash).mock.calls.length + vi.mocked(argon2.verify).mock.calls.length;

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
const steps: Record<string, [StepAction, Record<string, string>]> = {
  review: [reviewStepAction, { email: "probe@example.test", accepted: "on" }],
  user: [userStepAction, { fullName: "Probe Person", password: NEW_PASSWORD }],
  company: [companyStepAction, { companyChoice: "new", companyName: "Probe Inc." }],
  activate: [activateAction, {}],
  reject: [rejectAction, { reason: "Not for us." }],
};

describe("every activation step needs a valid pending link before anything else", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
  });
  beforeEach(() => {
    resetRequest();
    newVisitor();
  });

  it("refuses a missing, malformed, unknown or closed link with its message, writes nothing and hashes nothing", async () => {
    const rejected = await setup.issue();
    await (await db()).update(contracts).set({ status: "rejected", rejectedAt: new Date() }).where(eq(contracts.id, rejected.id));
    const expired = await setup.issue();
    await (
      await db()
    )
      .update(contracts)
      .set({ linkExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(contracts.id, expired.id));
    const unknown = newActivationToken();
    const links: [string | null, RegExp][] = [
      [null, /not valid/],
      ["not-a-token", /not valid/],
      [`${unknown.slice(0, 42)}!`, /not valid/],
      [unknown, /not valid/],
      [rejected.token, /rejected/],
      [expired.token, /expired/],
    ];
    for (const [name, [action, fields]] of Object.entries(steps)) {
      for (const [token, message] of links) {
        // Even a well-made progress cookie for that very link changes nothing.
        if (token)
          request.cookies.set(
            PROGRESS_COOKIE,
            sealProgress(hashToken(token), {
              email: "probe@example.test",
              mode: "new",
              fullName: "P",
              passwordHash: HASH,
              company: { kind: "new", name: "P Inc." },
            }),
          );
        const before = await tableCounts();
        const calls = argonCalls();
        const cookie = request.cookies.get(PROGRESS_COOKIE);
        const { to, state } = await submit(action, stepForm(token, fields));
        expect(to, `${name} with ${token} moved on`).toBeUndefined();
        expect(state, `${name} with ${token}`).toMatchObject({ ok: false, error: expect.stringMatching(message) });
        expect(await tableCounts(), `${name} with ${token} wrote something`).toEqual(before);
        expect(argonCalls(), `${name} with ${token} ran argon2`).toBe(calls);
        expect(request.cookies.get(PROGRESS_COOKIE), `${name} with ${token} touched the cookie`).toBe(cookie);
      }
    }
  });

  it("the domain's Activate refuses an unknown link before hashing the new password", async () => {
    const calls = argonCalls();
    const signer = { kind: "new" as const, email: "late@example.test", fullName: "Late", password: NEW_PASSWORD };
    await expect(
      activateContract(await db(), newActivationToken(), { signer, company: { kind: "new", name: "Late Inc." } }, requestFrom()),
    ).rejects.toMatchObject({ message: INVALID_LINK_MESSAGE });
    expect(argonCalls()).toBe(calls);
  });

  it("progress cannot be moved to another link, nor forged: the later steps start again and hash nothing", async () => {
    const a = await setup.issue();
    const b = await setup.issue();
    expect((await submit(reviewStepAction, stepForm(a.token, { email: "mover@example.test", accepted: "on" }))).to).toBe(
      `/activate/${a.token}?step=user`,
    );
    const cookieOfA = progressCookie()!;
    const calls = argonCalls();
    for (const [action, fields] of [steps.user, steps.company, steps.activate]) {
      expect((await submit(action, stepForm(b.token, fields))).state).toMatchObject({ ok: false, error: START_AGAIN });
    }
    const [body, sig] = cookieOfA.split(".");
    const payload = JSON.parse(Buffer.from(body, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, p: { ...payload.p, fullName: "Forger", pw: "x" } })).toString("base64url");
    request.cookies.set(PROGRESS_COOKIE, `${forged}.${sig}`);
    expect((await submit(companyStepAction, stepForm(a.token, steps.company[1]))).state).toMatchObject({ ok: false, error: START_AGAIN });
    expect((await submit(activateAction, stepForm(a.token))).state).toMatchObject({ ok: false, error: START_AGAIN });
    expect(argonCalls()).toBe(calls);
    const [rowB] = await (await db()).select().from(contracts).where(eq(contracts.id, b.id));
    expect(rowB.status).toBe("pending");
  });

  it("a new user's password is hashed exactly once, at the user step; Activate stores that very hash", async () => {
    const c = await setup.issue();
    const hashes = () => vi.mocked(argon2.hash).mock.calls.length;
    await submit(reviewStepAction, stepForm(c.token, { email: "once@example.test", accepted: "on" }));
    const before = hashes();
    expect((await submit(userStepAction, stepForm(c.token, { fullName: "Once Only", password: NEW_PASSWORD }))).to).toBe(
      `/activate/${c.token}?step=company`,
    );
    expect(hashes()).toBe(before + 1);
    const hashed = await vi.mocked(argon2.hash).mock.results.at(-1)!.value;
    expect(progressCookie()).not.toContain(NEW_PASSWORD);
    expect(Buffer.from(progressCookie()!.split(".")[0], "base64url").toString()).not.toContain("argon2");
    await submit(companyStepAction, stepForm(c.token, { companyChoice: "new", companyName: "Once Only Inc." }));
    expect((await submit(activateAction, stepForm(c.token))).to).toMatch(/^\/reseller\?activated=CRS-/);
    expect(hashes()).toBe(before + 1);
    const { users } = await import("@/db/schema");
    const [user] = await (await db()).select().from(users).where(eq(users.email, "once@example.test"));
    expect(user.passwordHash).toBe(hashed);
    expect(await argon2.verify(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(progressCookie()).toBeUndefined();
  });
});
