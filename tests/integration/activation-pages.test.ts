import { eq } from "drizzle-orm";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import ActivatePage from "@/app/activate/[token]/page";
import { activateAction, rejectAction } from "@/app/activate/actions";
import { reviewStepAction, userStepAction } from "@/app/activate/step-actions";
import { LinkStatePage } from "@/components/activation/link-state";
import { contracts } from "@/db/schema";
import { db } from "@/tests/support/factories";
import { request, resetRequest, RedirectSignal } from "@/tests/support/next";
import { contractRow, distributorWithAgreement, NEW_PASSWORD, tableCounts } from "./activation-support";
import { answerStepsAsNewUser, stepForm, submit } from "./activation-steps-support";

const open = (token: string) => ActivatePage({ params: Promise.resolve({ token }) }) as Promise<ReactElement<{ state?: string }>>;

describe("the /activate/[token] page and its actions", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
    resetRequest();
  });

  it("an expired link gets its own page that names nothing of the contract", async () => {
    const c = await setup.issue();
    await (
      await db()
    )
      .update(contracts)
      .set({ linkExpiresAt: new Date(Date.now() - 60_000) })
      .where(eq(contracts.id, c.id));
    const el = await open(c.token);
    expect(el.type).toBe(LinkStatePage);
    expect(el.props.state).toBe("expired");
    const html = renderToStaticMarkup(createElement(LinkStatePage, { state: "expired" }));
    expect(html).toContain("This activation link has expired. Ask your distributor for a new one.");
    expect(html).not.toContain(c.publicId);
    expect(html).not.toContain("Northwind Test GmbH");
  });

  it("steps store nothing but their own progress cookie and never send the password back", async () => {
    const c = await setup.issue();
    const before = await tableCounts();
    const { updatedAt } = await contractRow(c.id);
    expect(await submit(reviewStepAction, stepForm(c.token, { email: "new.person@example.test", accepted: "on" }))).toEqual({
      to: `/activate/${c.token}?step=user`,
    });
    expect((await submit(reviewStepAction, stepForm(c.token, { email: "nope" }))).state).toMatchObject({
      ok: false,
      fieldErrors: { email: "Enter a valid email address.", accepted: "Check I have read and accepted the agreement to continue." },
      values: { email: "nope", accepted: "" },
    });
    const weak = await submit(userStepAction, stepForm(c.token, { fullName: "New Person", password: "new.person-and-more-text" }));
    expect(weak.state?.ok === false && weak.state.fieldErrors?.password).toMatch(/email name/);
    expect(weak.state?.values).toEqual({ fullName: "New Person" });
    expect(JSON.stringify(weak)).not.toContain("new.person-and-more-text");
    const after = await tableCounts();
    expect({ ...after, rate_limits: 0 }).toEqual({ ...before, rate_limits: 0 });
    expect((await contractRow(c.id)).updatedAt).toEqual(updatedAt);
  });

  it("refuses a request from another site before doing anything", async () => {
    const c = await setup.issue();
    request.headers.set("origin", "https://evil.example");
    const r = await rejectAction(null, stepForm(c.token, { reason: "from elsewhere" }));
    resetRequest();
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/another site/) });
    expect((await contractRow(c.id)).status).toBe("pending");
  });

  it("Activate signs the new reseller in and sends them to the Reseller Portal with the confirmation", async () => {
    const c = await setup.issue();
    await answerStepsAsNewUser(c.token, {
      email: "portal@example.test",
      fullName: "Pat Portal",
      password: NEW_PASSWORD,
      companyName: "Pat Co Inc.",
    });
    const go = activateAction(null, stepForm(c.token));
    await expect(go).rejects.toBeInstanceOf(RedirectSignal);
    await expect(go).rejects.toMatchObject({ url: `/reseller?activated=${c.publicId}` });
    expect(request.cookies.get("scp_account")).toMatch(/^PA-/);
    expect((await contractRow(c.id)).status).toBe("active");
    // A second press (another tab) is told plainly.
    const again = await activateAction(null, stepForm(c.token));
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/already active/) });
  });
});
