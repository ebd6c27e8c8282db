import { eq } from "drizzle-orm";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import ActivatePage from "@/app/activate/[token]/page";
import { activateAction, checkNewUserAction, checkReviewAction, rejectAction } from "@/app/activate/actions";
import { LinkStatePage } from "@/components/activation/link-state";
import { contracts } from "@/db/schema";
import { db } from "@/tests/support/factories";
import { NotFoundSignal, request, resetRequest, RedirectSignal } from "@/tests/support/next";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { contractRow, distributorWithAgreement, NEW_PASSWORD, tableCounts } from "./activation-support";

const open = (token: string) => ActivatePage({ params: Promise.resolve({ token }) }) as Promise<ReactElement<{ state?: string }>>;

describe("the /activate/[token] page and its actions", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
    resetRequest();
  });

  it("an expired link gets its own page that names nothing of the contract", async () => {
    const c = await setup.issue();
    await (await db()).update(contracts).set({ linkExpiresAt: new Date(Date.now() - 60_000) }).where(eq(contracts.id, c.id));
    // A closed link is the not-found page (404) of its state (app/activate/[token]/not-found.tsx).
    await expect(open(c.token)).rejects.toBeInstanceOf(NotFoundSignal);
    expect(await resolveActivationLink(await db(), c.token)).toEqual({ state: "expired" });
    const html = renderToStaticMarkup(createElement(LinkStatePage, { state: "expired" }));
    expect(html).toContain("This activation link has expired. Ask your distributor for a new one.");
    expect(html).not.toContain(c.publicId);
    expect(html).not.toContain("Northwind Test GmbH");
  });

  it("step checks store nothing and never send the password back", async () => {
    const c = await setup.issue();
    const before = await tableCounts();
    const { updatedAt } = await contractRow(c.id);
    const review = await checkReviewAction(c.token, { email: "new.person@example.test", accepted: true });
    expect(review).toEqual({ ok: true, existingUser: false });
    expect(await checkReviewAction(c.token, { email: "nope", accepted: false })).toMatchObject({
      fieldErrors: { email: "Enter a valid email address.", accepted: "Check I have read and accepted the agreement to continue." },
    });
    const weak = await checkNewUserAction({ email: "new.person@example.test", fullName: "New Person", password: "new.person-and-more-text" });
    expect(weak.fieldErrors?.password).toMatch(/email name/);
    expect(JSON.stringify(weak)).not.toContain("new.person-and-more-text");
    const after = await tableCounts();
    expect({ ...after, rate_limits: 0 }).toEqual({ ...before, rate_limits: 0 });
    expect((await contractRow(c.id)).updatedAt).toEqual(updatedAt);
  });

  it("refuses a request from another site before doing anything", async () => {
    const c = await setup.issue();
    request.headers.set("origin", "https://evil.example");
    const r = await rejectAction(c.token, "from elsewhere");
    resetRequest();
    expect(r.error).toMatch(/another site/);
    expect((await contractRow(c.id)).status).toBe("pending");
  });

  it("Activate signs the new reseller in and sends them to the Reseller Portal with the confirmation", async () => {
    const c = await setup.issue();
    const go = activateAction(c.token, { mode: "new", email: "portal@example.test", fullName: "Pat Portal", password: NEW_PASSWORD, company: { kind: "new", name: "Pat Co Inc." } });
    await expect(go).rejects.toBeInstanceOf(RedirectSignal);
    await expect(go).rejects.toMatchObject({ url: `/reseller?activated=${c.publicId}` });
    expect(request.cookies.get("scp_account")).toMatch(/^PA-/);
    expect((await contractRow(c.id)).status).toBe("active");
    // A second press (another tab) is told plainly.
    const again = await activateAction(c.token, { mode: "new", email: "other@example.test", fullName: "O", password: NEW_PASSWORD, company: { kind: "new", name: "O Inc." } });
    expect(again.error).toMatch(/already active/);
  });
});
