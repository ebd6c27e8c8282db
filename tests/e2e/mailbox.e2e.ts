import { describe, expect, it } from "vitest";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();
const SIGNEE = `signee-${Date.now()}@reseller.test`;

describe("the invitation email, read in the development mailbox", () => {
  it("keeps the mailbox behind sign-in", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/dev/mailbox");
    await page.waitForURL(/\/sign-in\?callbackUrl=%2Fdev%2Fmailbox/);
    await context.close();
  });

  it("creates a contract with a signee email, reads the invitation, and follows its link to activate", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/contracts/new");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel(/Northwind Reseller Service Agreement/).check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Test").check();
    await page.getByLabel("Note to signee").fill("Welcome to Northwind, <b>partner</b>!");
    await page.getByLabel("Signee email").fill(SIGNEE);
    await page.getByRole("button", { name: "Create" }).click();
    const link = await page.getByLabel("Activation link").inputValue();
    expect(link).toMatch(/\/activate\/[A-Za-z0-9_-]{43}$/);

    // The sender delivers to the mailbox within a tick or two.
    await page.goto("/dev/mailbox");
    const row = page.getByRole("row").filter({ hasText: SIGNEE });
    await expect
      .poll(
        async () => {
          await page.reload();
          return row.getByText("Delivered").isVisible();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await snap(page, "mailbox-list");
    await row.getByRole("link", { name: /\[TEST\] Northwind Distribution Inc\. \(PA-[0-9-]+\) invites you/ }).click();
    await page.getByRole("heading", { name: /invites you to sign a service contract/ }).waitFor();
    expect(await page.getByText("Welcome to Northwind, <b>partner</b>!").first().isVisible()).toBe(true);
    const frame = page.frameLocator('iframe[title="HTML part"]');
    expect(await frame.getByText("Welcome to Northwind, <b>partner</b>!").isVisible()).toBe(true);
    expect(await page.locator('iframe[title="HTML part"]').getAttribute("sandbox")).toBe("");
    await snap(page, "mailbox-message");

    // Follow the link from the email as the signee would: a fresh browser, nobody signed in.
    const href = await page.getByRole("link", { name: link }).getAttribute("href");
    expect(href).toBe(link);
    const signee = await app.newPage();
    await signee.page.goto(href!);
    expect(new URL(signee.page.url()).pathname).toBe(new URL(link).pathname);
    await signee.page.getByText("Northwind Reseller Service Agreement").first().waitFor();
    await snap(signee.page, "mailbox-followed-link");
    const s = signee.page;
    await s.getByLabel("Email").fill(SIGNEE);
    await s.getByLabel("I have read and accepted the agreement").check();
    await s.getByRole("button", { name: "Next" }).click();
    await s.getByLabel("Full name").fill("Rita Reseller");
    await s.getByLabel("Password").fill("a long and unusual passphrase 93");
    await s.getByRole("button", { name: "Next" }).click();
    await s.getByLabel("Company name").fill("Mailbox Resale LLC");
    await s.getByRole("button", { name: "Next" }).click();
    await s.getByRole("button", { name: "Activate" }).click();
    await s.waitForURL(/\/reseller/);
    await signee.context.close();

    // The issuer's staff hear about it: "contract activated" arrives in the mailbox too.
    const publicId = /contract (CRS-[\d-]+)/.exec(
      await page
        .getByText(/under the service agreement/)
        .first()
        .innerText(),
    )![1];
    await page.goto("/dev/mailbox");
    const activated = page
      .getByRole("row")
      .filter({ hasText: `contract ${publicId} was activated` })
      .filter({ hasText: "admin@northwind.test" });
    await expect
      .poll(
        async () => {
          await page.reload();
          return activated.getByText("Delivered").isVisible();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await context.close();
  });
});
