import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as argon2 from "@node-rs/argon2";
import { reviewStepAction, userStepAction } from "@/app/activate/step-actions";
import { authenticate, SIGNIN_FAILURES_BEFORE_LOCK } from "@/lib/accounts/authenticate";
import { EMAIL_PROBES_PER_LINK } from "@/lib/activation/rate-limits";
import { CLIENT_IP_HEADER } from "@/lib/client-ip.mjs";
import { actAs, db, makeAccount, TEST_PASSWORD } from "@/tests/support/factories";
import { request } from "@/tests/support/next";
import { distributorWithAgreement } from "./activation-support";
import { newVisitor, stepForm, submit } from "./activation-steps-support";

vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, hash: vi.fn(real.hash), verify: vi.fn(real.verify) };
});

describe("what one activation link can learn about accounts", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
  });
  beforeEach(() => {
    actAs(null);
    newVisitor();
  });

  it(`a link may ask about ${EMAIL_PROBES_PER_LINK} different emails, then no more (from any address); asking again about one of them still works`, async () => {
    const known = await makeAccount({ role: "reseller" });
    const c = await setup.issue();
    const review = (email: string) => submit(reviewStepAction, stepForm(c.token, { email, accepted: "on" }));
    const emails = [known.user.email, "second@example.test", "third@example.test"];
    for (const email of emails) expect((await review(email)).to).toBe(`/activate/${c.token}?step=user`);
    newVisitor(); // another client address changes nothing: the count belongs to the link
    const fourth = await review("fourth@example.test");
    expect(fourth.to).toBeUndefined();
    expect(fourth.state).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already been used with 3 different emails/),
      values: { email: "fourth@example.test" },
    });
    // The refusal is the same whether or not the email has an account.
    const fifth = await review("admin@northwind.test");
    expect(fifth.state).toEqual({ ...fourth.state, values: { email: "admin@northwind.test", accepted: "on" } });
    expect((await review(known.user.email.toUpperCase())).to).toBe(`/activate/${c.token}?step=user`);
    // Another link has its own few.
    const other = await setup.issue();
    expect((await submit(reviewStepAction, stepForm(other.token, { email: "fourth@example.test", accepted: "on" }))).to).toBe(
      `/activate/${other.token}?step=user`,
    );
  });

  it("existing-user password checks are throttled exactly like sign-in, with the same counter, before any argon2 work", async () => {
    const { user } = await makeAccount({ role: "reseller" });
    const c = await setup.issue();
    expect((await submit(reviewStepAction, stepForm(c.token, { email: user.email, accepted: "on" }))).to).toBe(
      `/activate/${c.token}?step=user`,
    );
    for (let i = 0; i < SIGNIN_FAILURES_BEFORE_LOCK; i++) {
      expect((await submit(userStepAction, stepForm(c.token, { password: `wrong password number ${i}` }))).state).toMatchObject({
        fieldErrors: { password: "Incorrect password for this email." },
      });
    }
    const verifies = vi.mocked(argon2.verify).mock.calls.length;
    const locked = await submit(userStepAction, stepForm(c.token, { password: TEST_PASSWORD }));
    expect(locked.to).toBeUndefined();
    expect(locked.state).toMatchObject({ ok: false, error: "Too many sign-in attempts. Please wait 15 minutes and try again." });
    expect(vi.mocked(argon2.verify).mock.calls.length).toBe(verifies);
    // It is the sign-in throttle itself: the sign-in form is locked for that email and address too.
    const ip = request.headers.get(CLIENT_IP_HEADER)!;
    expect((await authenticate(await db(), { email: user.email, password: TEST_PASSWORD, ip, userAgent: "vitest" })).status).toBe(
      "rate_limited",
    );
  });

  it("nothing answers whether an email has an account without a pending link", async () => {
    const { user } = await makeAccount({ role: "reseller" });
    for (const token of [null, "A".repeat(43)]) {
      for (const email of [user.email, "nobody@example.test"]) {
        const r = await submit(reviewStepAction, stepForm(token, { email, accepted: "on" }));
        expect(r.state).toMatchObject({ ok: false, error: expect.stringMatching(/not valid/) });
      }
      const r = await submit(userStepAction, stepForm(token, { password: TEST_PASSWORD }));
      expect(r.state).toMatchObject({ ok: false, error: expect.stringMatching(/not valid/) });
    }
  });
});
