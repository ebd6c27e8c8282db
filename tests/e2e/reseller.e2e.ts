import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();
const AGREEMENT = "Northwind Reseller Service Agreement";
const PASSWORD = "a reseller passphrase that is long";
const email = `paula.${Date.now()}@program.test`;

/** The distributor's wizard: a production contract with the Program permission. */
async function issueProgramContract(page: Page): Promise<string> {
  await page.goto("/partners/contracts/new");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(new RegExp(AGREEMENT)).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Note to signee").fill("Welcome to the Northwind program.");
  await page.getByLabel("Program").check();
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByText("Service contract created").waitFor();
  return page.getByLabel("Activation link").inputValue();
}

/** The activation flow as a new reseller: review, user, company, Activate. */
async function activate(page: Page, link: string) {
  await page.goto(link);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("I have read and accepted the agreement").check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Full name").fill("Paula Program");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Company name").fill("Paula Program GmbH");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Activate" }).click();
  await page.waitForURL(/\/reseller/);
}

describe("Reseller Portal journey", () => {
  it("activates with Program, creates a program agreement, and signs the version the distributor published", async () => {
    const staff = await app.newPage();
    await signIn(staff.page);
    const link = await issueProgramContract(staff.page);

    const { page, context } = await app.newPage();
    await activate(page, link);
    await page.getByRole("heading", { name: "Paula Program GmbH" }).waitFor();
    const table = page.getByRole("table", { name: "Your contracts" });
    const contractId = (await table.getByRole("link", { name: /^CRS-/ }).innerText()).trim();
    expect(await table.getByText("Northwind Distribution Inc.").isVisible()).toBe(true);
    expect(await page.getByText("Create and manage program agreements").isVisible()).toBe(true);
    expect(await page.getByText(new RegExp(`Granted by\\s+${contractId}\\s+from Northwind Distribution Inc.`)).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Create Contract" }).count()).toBe(0);
    await snap(page, "reseller-home");

    // Program only: Partners opens on Agreements; Contracts and Directory are absent and refused.
    await page.getByRole("navigation", { name: "Partners" }).getByRole("link", { name: "Agreements" }).click();
    await page.waitForURL(/\/partners\/agreements/);
    await page.getByRole("heading", { name: "Agreements", level: 1 }).waitFor();
    // It makes program agreements only: the page does not speak of service contracts.
    // (The page's own content: Next's route announcer reads out the title, "Agreements · Service Contracts".)
    expect(
      await page
        .getByRole("main")
        .getByText(/service (contract|agreement)/i)
        .count(),
    ).toBe(0);
    const tabs = page.getByRole("navigation", { name: "Partners" });
    expect(await tabs.getByRole("link").allInnerTexts()).toEqual(["Agreements"]);
    await page.goto("/partners/contracts/new");
    await page.waitForURL(/\/reseller$/);

    await page.goto("/partners/agreements/new");
    await page.getByLabel("Name").fill("Paula Cloud Program");
    await page.getByLabel("Description").fill("How our partners resell Paula's services.");
    await page.getByLabel("Version 1").fill("# Paula Cloud Program\n\nTerms for program partners.");
    await page.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/partners\/agreements\/AGP-\d{3}-\d{3}-\d{3}/);
    await page.getByText("Paula Cloud Program").first().waitFor();
    await snap(page, "reseller-program-agreement");

    // The distributor activates version 2 of the service agreement.
    await staff.page.goto("/partners/agreements");
    await staff.page.getByRole("link", { name: AGREEMENT }).first().click();
    await staff.page.waitForURL(/\/partners\/agreements\/AGS-/);
    await staff.page.getByRole("button", { name: "Publish version 2" }).click();
    await staff.page.getByRole("alertdialog").getByRole("button", { name: "Publish", exact: true }).click();
    await staff.page.getByText("Version 2 was published.").waitFor();
    await staff.context.close();

    await page.goto("/reseller");
    await page.getByText(/Updates available: a new agreement version is ready to sign/).waitFor();
    await page.getByRole("link", { name: `Review and sign for ${contractId}` }).click();
    await page.waitForURL(/tab=versions/);
    const diff = page.getByTestId("version-diff");
    expect(await diff.getByText(/forty-five \(45\) days/).isVisible()).toBe(true);
    expect(await diff.locator("del").filter({ hasText: "thirty (30) days of the invoice" }).count()).toBe(1);
    expect(await diff.locator("ins").filter({ hasText: "Data protection" }).count()).toBe(1);
    await snap(page, "reseller-sign-version");

    await page.getByRole("button", { name: "Sign" }).click();
    await page.getByText("Check this box to sign the new version.").waitFor();
    await page.getByLabel("I have read and accepted the agreement").check();
    await page.getByRole("button", { name: "Sign" }).click();
    await page.getByText("You signed version 2. This contract is now on version 2.").waitFor();
    const versions = page.getByRole("table");
    expect(await versions.getByText("Version 2").isVisible()).toBe(true);
    expect(await versions.getByText("Version 1").isVisible()).toBe(true);
    expect(await page.getByText("Updates available").count()).toBe(0);
    await snap(page, "reseller-signed");
    await context.close();
  });
});
