import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { setupBrowser, signIn, snap } from "./browser";

// Issue 24's journey: an invitation email in French. The distributor creates a contract whose signee
// language is French (REST API, signeeLocale "fr"); the invitation reaches the real SMTP server in French,
// with a working activation link that opens.

const app = setupBrowser();
const TAG = Date.now().toString(36);
const SIGNEE = `lea-${TAG}@revendeur.test`;

type Mail = { to: string[]; subject: string; text: string };
const received = (): Mail[] =>
  readFileSync(inject("smtpLog"), "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Mail);

describe("an invitation email in French", () => {
  it("is written in the signee's language picked by the distributor, and its link opens", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/settings/api-keys");
    await page.getByLabel("Name").fill(`French invitation ${TAG}`);
    await page.getByLabel("Read and write").check();
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    const call = (path: string, init: RequestInit = {}) =>
      fetch(`${app.baseUrl}/api/v1${path}`, { redirect: "manual", ...init, headers: { authorization: `Bearer ${key}`, ...init.headers } });

    const agreements = (await (await call("/agreements?q=Northwind Reseller Service")).json()) as {
      data: { publicId: string; activeVersion: number | null }[];
    };
    const agreementId = agreements.data.find((a) => a.activeVersion !== null)!.publicId;
    const created = await call("/contracts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        agreementId,
        kind: "production",
        noteToSignee: "Bienvenue à bord.",
        linkExpiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        signeeEmail: SIGNEE,
        signeeLocale: "fr",
      }),
    });
    expect(created.status).toBe(201);

    // The outbox delivers it over SMTP: the SMTP server received it, in French.
    await expect.poll(() => received().filter((m) => m.to.includes(SIGNEE)).length, { timeout: 30_000 }).toBe(1);
    const [mail] = received().filter((m) => m.to.includes(SIGNEE));
    expect(mail.subject).toMatch(/^Northwind .+ \(PA-\d{3}-\d{3}\) vous invite à signer un contrat de service$/);
    expect(mail.text).toContain(
      "vous invite à rejoindre sa plateforme dans le cadre du contrat-cadre de service « Northwind Reseller Service",
    );
    expect(mail.text).toContain("Note de ");
    expect(mail.text).toContain("Bienvenue à bord.");
    expect(mail.text).toMatch(/Le lien expire le \d{1,2} [a-zéû]+ \d{4}\./);
    expect(mail.text).not.toContain("Review the agreement");
    const link = /Consulter et activer: (\S+\/activate\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(link).toBeTruthy();

    // The signee opens the link in their own browser: it is live.
    const signee = await app.newPage();
    const res = await signee.page.goto(link!);
    expect(res?.status()).toBe(200);
    await signee.page.getByText("Northwind Reseller Service Agreement").first().waitFor();
    await snap(signee.page, "invitation-french-link-opened");
    await signee.context.close();

    // Leave no key behind for the other journeys.
    await page.goto("/settings/api-keys");
    await page
      .getByRole("listitem")
      .filter({ hasText: `French invitation ${TAG}` })
      .getByRole("button", { name: "Revoke" })
      .click();
    await page.getByRole("button", { name: "Revoke key" }).click();
    await expect.poll(async () => (await call("/contracts")).status).toBe(401);
    await context.close();
  });
});
