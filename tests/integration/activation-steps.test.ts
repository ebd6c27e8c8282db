import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activateAction } from "@/app/activate/actions";
import { companyStepAction, reviewStepAction, userStepAction } from "@/app/activate/step-actions";
import { users } from "@/db/schema";
import { createUser } from "@/lib/accounts/create-user";
import { hashPassword } from "@/lib/security/passwords";
import { actAs, db, makeAccount, TEST_PASSWORD } from "@/tests/support/factories";
import { resetRequest } from "@/tests/support/next";
import { contractRow, distributorWithAgreement, NEW_PASSWORD } from "./activation-support";
import { answerStepsAsNewUser, newVisitor, progressCookie, stepForm, submit, view } from "./activation-steps-support";

describe("the activation steps, each a form posted to the server", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
  });
  beforeEach(() => {
    actAs(null);
    newVisitor();
  });

  it("Back and reload show every step from the kept answers; the Email starts as the one the link was sent to", async () => {
    const c = await setup.issue({ signeeEmail: "invited@example.test" });
    expect((await view(c.token)).step).toBe("review");
    expect((await view(c.token)).review.signeeEmail).toBe("invited@example.test");
    // Nothing answered: asking for a later step shows the first one.
    expect((await view(c.token, { step: "activate" })).step).toBe("review");
    await answerStepsAsNewUser(c.token, {
      email: "invited@example.test",
      fullName: "Ivy Invited",
      password: NEW_PASSWORD,
      companyName: "Ivy Co LLC",
    });
    expect((await view(c.token)).step).toBe("activate"); // a reload lands where the visitor was
    const back = await view(c.token, { step: "user" });
    expect(back.step).toBe("user");
    expect(back.progress).toMatchObject({
      email: "invited@example.test",
      fullName: "Ivy Invited",
      company: { kind: "new", name: "Ivy Co LLC" },
    });
    // Next again without retyping the password keeps the one chosen (no second hashing needed).
    const kept = back.progress!.passwordHash;
    expect((await submit(userStepAction, stepForm(c.token, { fullName: "Ivy I. Invited", password: "" }))).to).toBe(
      `/activate/${c.token}?step=company`,
    );
    expect((await view(c.token, { step: "user" })).progress).toMatchObject({ fullName: "Ivy I. Invited", passwordHash: kept });
    // Step 1 again with the same email keeps everything; "Use a different email" empties the field.
    expect((await submit(reviewStepAction, stepForm(c.token, { email: "INVITED@example.test", accepted: "on" }))).to).toBe(
      `/activate/${c.token}?step=user`,
    );
    expect((await view(c.token)).step).toBe("activate");
    expect((await view(c.token, { step: "review", email: "change" })).changeEmail).toBe(true);
    expect((await submit(activateAction, stepForm(c.token))).to).toMatch(/^\/reseller\?activated=/);
    expect((await contractRow(c.id)).status).toBe("active");
  });

  it("an existing user proves their password at step 2 and activates for one of their companies", async () => {
    const { user, account } = await makeAccount({ role: "reseller", name: "Known Resale LLC" });
    const c = await setup.issue();
    expect((await submit(reviewStepAction, stepForm(c.token, { email: user.email, accepted: "on" }))).to).toBe(
      `/activate/${c.token}?step=user`,
    );
    expect((await view(c.token)).progress?.mode).toBe("existing");
    const wrong = await submit(userStepAction, stepForm(c.token, { password: "not the password at all" }));
    expect(wrong.state).toMatchObject({ ok: false, fieldErrors: { password: "Incorrect password for this email." } });
    expect((await submit(userStepAction, stepForm(c.token, { password: TEST_PASSWORD }))).to).toBe(`/activate/${c.token}?step=company`);
    expect((await view(c.token)).companies).toEqual([{ publicId: account.publicId, name: "Known Resale LLC" }]);
    // Someone else's company is refused at once.
    const other = await makeAccount({ role: "reseller", name: "Not Mine Inc." });
    expect((await submit(companyStepAction, stepForm(c.token, { companyChoice: other.account.publicId }))).state).toMatchObject({
      ok: false,
      fieldErrors: { companyId: "Choose one of your companies." },
    });
    expect((await submit(companyStepAction, stepForm(c.token, { companyChoice: account.publicId }))).to).toBe(
      `/activate/${c.token}?step=activate`,
    );
    expect((await submit(activateAction, stepForm(c.token))).to).toMatch(/^\/reseller\?activated=/);
    expect(await contractRow(c.id)).toMatchObject({ status: "active", signeeUserId: user.id, ownerAccountId: account.id });
  });

  it("a signed-in user skips step 2 and signs as themselves, whatever email is posted", async () => {
    const me = await makeAccount({ role: "reseller", name: "Viewer Resale LLC" });
    const c = await setup.issue();
    actAs(me);
    newVisitor();
    expect((await submit(reviewStepAction, stepForm(c.token, { email: "someone.else@example.test", accepted: "on" }))).to).toBe(
      `/activate/${c.token}?step=company`,
    );
    expect((await view(c.token, { step: "user" })).step).toBe("company");
    expect((await submit(userStepAction, stepForm(c.token, { password: "x" }))).state).toMatchObject({ ok: false });
    expect((await submit(companyStepAction, stepForm(c.token, { companyChoice: me.account.publicId }))).to).toBe(
      `/activate/${c.token}?step=activate`,
    );
    // Signed out meanwhile (another tab): the progress was that user's, so it is not used.
    const cookie = progressCookie()!;
    actAs(null);
    newVisitor();
    const { request } = await import("@/tests/support/next");
    request.cookies.set("scp_activation", cookie);
    expect((await view(c.token)).step).toBe("review");
    actAs(me);
    request.cookies.set("scp_activation", cookie);
    expect((await submit(activateAction, stepForm(c.token))).to).toMatch(/^\/reseller\?activated=/);
    expect(await contractRow(c.id)).toMatchObject({ signeeUserId: me.user.id, ownerAccountId: me.account.id });
  });

  it("an email taken between step 1 and Activate sends the visitor back to step 1 with the reason", async () => {
    const c = await setup.issue();
    await answerStepsAsNewUser(c.token, {
      email: "racer@example.test",
      fullName: "Racer",
      password: NEW_PASSWORD,
      companyName: "Racer LLC",
    });
    await createUser(await db(), { email: "racer@example.test", fullName: "Quicker", passwordHash: await hashPassword(TEST_PASSWORD) });
    expect((await submit(activateAction, stepForm(c.token))).to).toBe(`/activate/${c.token}?step=review`);
    const page = await view(c.token, { step: "activate" });
    expect(page.step).toBe("review");
    expect(page.progress?.carried).toMatchObject({ step: "review", fieldErrors: { email: "An account with this email already exists." } });
    expect((await contractRow(c.id)).status).toBe("pending");
    // Next on step 1 now finds the account: step 2 asks for its password.
    expect((await submit(reviewStepAction, stepForm(c.token, { email: "racer@example.test", accepted: "on" }))).to).toBe(
      `/activate/${c.token}?step=user`,
    );
    // The new-user hash is dropped (that password is not the account's); the company name typed stays.
    expect((await view(c.token)).progress).toEqual({
      email: "racer@example.test",
      mode: "existing",
      company: { kind: "new", name: "Racer LLC" },
    });
    const [quick] = await (await db()).select().from(users).where(eq(users.email, "racer@example.test"));
    expect(quick.fullName).toBe("Quicker");
    resetRequest();
  });
});
