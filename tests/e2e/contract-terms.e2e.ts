import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, setupBrowser } from "./browser";

// Issue 21 in the browser: an end date set in the wizard, Extend, narrowing permissions, wider ones
// proposed and accepted by the partner, and a Test contract promoted to Production and accepted.

const app = setupBrowser();
const AGREEMENT = "Northwind Reseller Service Agreement";
const dayIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function activate(context: BrowserContext, link: string, tag: string) {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Email").fill(`terms-${tag}@example.test`);
  await page.getByText("I have read and accepted the agreement").click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Full name").fill("Terry Terms");
  await page.getByLabel("Password").fill("blue lagoon harbour sails at dawn");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Company name").fill(`Terms ${tag} Resellers LLC`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await page.waitForURL(/\/reseller/);
  return page;
}

const dialog = (page: Page) => page.getByRole("dialog");
const confirm = (page: Page) => page.getByRole("alertdialog");

/** The wizard's Parameters step, then Create; returns the contract's ID and activation link. */
async function createViaWizard(page: Page, opts: { endsOn?: string; test?: boolean }) {
  await page.goto("/partners/contracts/new");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(new RegExp(AGREEMENT)).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Note to signee").fill("Trial first, then production.");
  await page.getByLabel("Program").check();
  await page.getByLabel("Delegate").check();
  if (opts.test) await page.getByLabel("Test", { exact: true }).check();
  if (opts.endsOn) {
    // An end date beyond two years is refused next to the field.
    await page.getByLabel("Contract end date").fill(dayIn(800));
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("The end date can be at most two years ahead.").waitFor();
    await page.getByLabel("Contract end date").fill(opts.endsOn);
    await snap(page, "contract-terms-wizard-end-date");
  }
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByText("Service contract created").waitFor();
  const id = (await page.getByTestId("summary-contract-id").innerText()).trim();
  return { id, link: await page.getByLabel("Activation link").inputValue() };
}

describe("Contract terms over time", () => {
  it("an end date set in the wizard, Extend, narrow permissions, propose wider ones and the partner accepts", async () => {
    const tag = `${Date.now()}`;
    const { page, context } = await app.newPage();
    await signIn(page);
    const ends = dayIn(90);
    const { id, link } = await createViaWizard(page, { endsOn: ends });
    const partner = await app.newPage();
    const partnerPage = await activate(partner.context, link, tag);

    // Details: the end date, and Extend.
    await page.goto(`/partners/contracts/${id}`);
    await page.getByRole("heading", { name: `Service contract ${id}` }).waitFor();
    const shown = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${ends}T12:00:00Z`));
    await page.getByText(shown).first().waitFor();
    await page.getByRole("button", { name: "Extend" }).click();
    await dialog(page).getByLabel("New end date").fill(dayIn(200));
    await snap(page, "contract-terms-extend-dialog");
    await dialog(page).getByRole("button", { name: "Extend contract" }).click();
    await page.getByText(`The contract now ends on ${dayIn(200)}.`).waitFor();

    // Narrow: Delegate off applies at once.
    await page.getByRole("link", { name: "Permissions" }).click();
    await page.getByRole("heading", { name: "Change permissions" }).waitFor();
    await page.getByLabel("Delegate").uncheck();
    await page.getByRole("button", { name: "Save permissions" }).click();
    await page.getByText("Permissions narrowed. The partner loses them at once.").waitFor();
    await expect
      .poll(() => page.getByText("Can create service agreements and service contracts, inviting its own resellers").count())
      .toBe(0);

    // Propose wider: Delegate back on waits for the partner.
    await page.getByLabel("Delegate").check();
    await page.getByRole("button", { name: "Save permissions" }).click();
    await page.getByText("Wider permissions proposed. They apply once the partner accepts them.").waitFor();
    await page.getByRole("heading", { name: "Proposed permissions" }).waitFor();
    await snap(page, "contract-terms-permissions-proposed");

    // The partner reviews and accepts in the Reseller Portal.
    await partnerPage.goto("/reseller");
    await partnerPage.getByText("Proposal to review").first().click();
    await partnerPage.getByRole("heading", { name: "Review the proposed permissions" }).waitFor();
    await partnerPage.getByRole("button", { name: "Accept permissions" }).click();
    await partnerPage.getByText("Check this box to accept.").waitFor();
    await snap(partnerPage, "contract-terms-reseller-review-permissions");
    await partnerPage.getByText("I have reviewed the proposed permissions and accept them for my company").click();
    await partnerPage.getByRole("button", { name: "Accept permissions" }).click();
    await partnerPage.getByText("You accepted the new permissions. They are in effect now.").waitFor();
    await partnerPage.getByText("Can create service agreements and service contracts, inviting its own resellers").first().waitFor();

    await page.goto(`/partners/contracts/${id}?tab=history`);
    await page.getByText("Partner accepted the wider permissions: Program, Delegate").waitFor();
    await page.getByText("Permissions narrowed to: Program").waitFor();
    await page.getByText(/^End date moved from .* to /).waitFor();
    await partner.context.close();
    await context.close();
  });

  it("a Test contract promoted to Production: the partner accepts, the chain shows in both Histories and the list", async () => {
    const tag = `${Date.now()}p`;
    const { page, context } = await app.newPage();
    await signIn(page);
    const { id, link } = await createViaWizard(page, { test: true });
    const partner = await app.newPage();
    const partnerPage = await activate(partner.context, link, tag);

    await page.goto(`/partners/contracts/${id}`);
    await page.getByRole("button", { name: "Promote to Production" }).click();
    await confirm(page).getByRole("button", { name: "Propose promotion" }).click();
    await page.getByText("Promotion proposed. The partner can accept it in the Reseller Portal.").waitFor();
    await page.getByText("Promotion to Production proposed: waiting for the partner to accept it").waitFor();
    await snap(page, "contract-terms-promotion-proposed");

    await partnerPage.goto(`/reseller/contracts/${id}`);
    await partnerPage.getByRole("heading", { name: "Review the promotion to Production" }).waitFor();
    await snap(partnerPage, "contract-terms-reseller-review-promotion");
    await partnerPage.getByText("I have read and accepted the agreement for the Production contract").click();
    await partnerPage.getByRole("button", { name: "Accept and sign" }).click();
    await partnerPage.getByText("You accepted the promotion.").waitFor();
    const heading = await partnerPage.getByRole("heading", { level: 1 }).innerText();
    const production = heading.replace("Service contract ", "").trim();
    expect(production).toMatch(/^CRS-/);
    expect(production).not.toBe(id);
    await partnerPage.getByText(`Promoted from Test contract ${id}`).waitFor();

    // The issuer's side: the Test contract ended, both Histories say so, the list shows the chain.
    await page.goto(`/partners/contracts/${id}?tab=history`);
    await page.getByText(`Promoted to Production contract ${production}; this Test contract ended`).waitFor();
    await snap(page, "contract-terms-history-promoted");
    await page.goto(`/partners/contracts/${production}?tab=history`);
    await page.getByText(`Created by promoting Test contract ${id}`).waitFor();
    await page.goto(`/partners/contracts?q=${encodeURIComponent(id)}`);
    await page.getByText(`Promoted to ${production}`).waitFor();
    await page.goto(`/partners/contracts?q=${encodeURIComponent(production)}`);
    await page.getByText(`Promoted from ${id}`).waitFor();
    await snap(page, "contract-terms-list-chain");

    await partner.context.close();
    await context.close();
  });
});
