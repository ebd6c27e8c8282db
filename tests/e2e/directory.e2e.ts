import { describe, expect, it } from "vitest";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();
const stamp = Date.now();
const COMPANY = `Kilo Resale ${stamp} LLC`;
const CONTACT = `kilo-${stamp}@resale.test`;

describe("Directory: Create Partner with a new agreement, activated from the mailed link", () => {
  it("invites a partner, the partner activates from the email, and shows Active in the Directory", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/directory");
    await page.getByRole("link", { name: "Create Partner" }).click();
    await page.waitForURL(/\/partners\/directory\/new$/);
    await page.getByRole("heading", { name: "Create Partner" }).waitFor();

    // Nothing filled in: messages next to the fields, nothing sent.
    await page.getByLabel("Write a new agreement").check();
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Enter the contact email: the invitation is sent there.").waitFor();
    expect(await page.getByText("Enter a name.").isVisible()).toBe(true);
    expect(await page.getByText("Leave a note to signee.").isVisible()).toBe(true);
    await snap(page, "directory-create-errors");

    expect(await page.getByLabel("Type").inputValue()).toBe("reseller");
    await page.getByLabel("Company name").fill(COMPANY);
    await page.getByLabel("Contact email").fill(CONTACT);
    await page.getByLabel("Name", { exact: true }).fill(`Kilo Terms ${stamp}`);
    await page.getByLabel("Description").fill("Terms for **Kilo**.");
    await page.getByLabel("Version 1 text").fill("# Kilo reseller terms\n\nSell responsibly.");
    await page.getByLabel("Program").check();
    await page.getByLabel("Note to signee").fill("Welcome, Kilo!");
    await snap(page, "directory-create-filled");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Partner invited").waitFor();
    const link = await page.getByLabel("Activation link").inputValue();
    expect(link).toMatch(/\/activate\/[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied", { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await snap(page, "directory-created");

    await page.getByRole("link", { name: "Go to Directory" }).click();
    await page.waitForURL(/\/partners\/directory$/);
    const invited = page.getByTestId("partner-row").filter({ hasText: COMPANY });
    await invited.waitFor();
    // Status Invited; the Signee column says who was invited, like the contract's own page.
    expect(await invited.getByText("Invited", { exact: true }).isVisible()).toBe(true);
    expect(await invited.getByText(`Invited: ${CONTACT}`).isVisible()).toBe(true);
    expect(await invited.getByText(CONTACT, { exact: true }).isVisible()).toBe(true);
    await snap(page, "directory-invited");

    // The invitation arrives in the development mailbox with the same link.
    await page.goto("/dev/mailbox");
    const row = page.getByRole("row").filter({ hasText: CONTACT });
    await expect
      .poll(
        async () => {
          await page.reload();
          return row.getByText("Delivered").isVisible();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await row.getByRole("link").first().click();
    const href = await page.getByRole("link", { name: link }).getAttribute("href");
    expect(href).toBe(link);

    // The partner follows the mailed link in a fresh browser; the company name is pre-filled.
    const partner = await app.newPage();
    const s = partner.page;
    await s.goto(href!);
    await s.getByText(`Kilo Terms ${stamp}`).first().waitFor();
    await s.getByLabel("Email").fill(CONTACT);
    await s.getByLabel("I have read and accepted the agreement").check();
    await s.getByRole("button", { name: "Next" }).click();
    await s.getByLabel("Full name").fill("Kim Kilo");
    await s.getByLabel("Password").fill("kilo partner passphrase 2026");
    await s.getByRole("button", { name: "Next" }).click();
    expect(await s.getByLabel("Company name").inputValue()).toBe(COMPANY);
    await s.getByRole("button", { name: "Next" }).click();
    await s.getByRole("button", { name: "Activate" }).click();
    await s.waitForURL(/\/reseller/);
    await partner.context.close();

    // Back in the Directory: the partner is an Active reseller account with its contract and history.
    await page.goto("/partners/directory?status=active");
    const active = page.getByTestId("partner-row").filter({ hasText: COMPANY });
    await active.waitFor();
    expect(await active.getByText("Active").isVisible()).toBe(true);
    expect(await active.getByText(`Kim Kilo (${CONTACT})`).isVisible()).toBe(true);
    await snap(page, "directory-active");
    await active.getByRole("link", { name: COMPANY }).click();
    await page.waitForURL(/\/partners\/directory\/PA-\d{3}-\d{3}$/);
    await page.getByRole("heading", { name: COMPANY }).waitFor();
    expect(await page.getByText("Can create and manage program agreements").isVisible()).toBe(true);
    expect(await page.getByText("Contract activated").isVisible()).toBe(true);
    expect(await page.getByText("Contract created").isVisible()).toBe(true);
    await snap(page, "directory-partner");

    // Search by the contact email finds it; the Invited filter no longer does.
    await page.goto(`/partners/directory?q=${encodeURIComponent(CONTACT)}&status=invited`);
    await page.getByText("No partners match").waitFor();
    await context.close();
  });
});
