import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { signIn, snap, setupBrowser } from "./browser";

const app = setupBrowser();
const AGREEMENT = "Northwind Reseller Service Agreement";

/** A pending contract through the real Create Contract wizard; returns its ID and link. */
async function createViaWizard(page: Page, note: string, grant = false) {
  await page.goto("/partners/contracts/new");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(new RegExp(AGREEMENT)).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Note to signee").fill(note);
  if (grant) {
    await page.getByLabel("Program").check();
    await page.getByLabel("Delegate").check();
  }
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByText("Service contract created").waitFor();
  const id = (await page.getByTestId("summary-contract-id").innerText()).trim();
  return { id, link: await page.getByLabel("Activation link").inputValue() };
}

/** The partner's side: the public activation flow, as a new user and company. */
async function activate(context: BrowserContext, link: string) {
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Email").fill(`partner-${Date.now()}@example.test`);
  await page.getByText("I have read and accepted the agreement").click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Full name").fill("Pat Partner");
  await page.getByLabel("Password").fill("blue lagoon harbour sails at dawn");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Company name").fill("Harbour Resellers LLC");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await page.waitForURL(/\/reseller/);
  return page;
}

const dialog = (page: Page) => page.getByRole("dialog");
const confirm = (page: Page) => page.getByRole("alertdialog");

/** Delete and Terminate sit in the "⋯" menu, away from the everyday buttons. */
async function fromMenu(page: Page, item: string) {
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

describe("Service contract details", () => {
  it("copies the link, edits the note, regenerates, emails, deletes another, and terminates once active", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    const a = await createViaWizard(page, "Please activate by Friday.", true);
    await page.goto(`/partners/contracts/${a.id}`);
    await page.getByRole("heading", { name: `Service contract ${a.id}` }).waitFor();
    expect(await page.getByText("Northwind Distribution Inc.").first().isVisible()).toBe(true);

    // Copy the activation link.
    expect(await page.getByLabel("Activation link").inputValue()).toBe(a.link);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(a.link);

    // Edit the note: an empty note is refused next to the field, a good one is saved.
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByLabel("Note to signee").fill("   ");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Leave a note to signee.").waitFor();
    await page.getByLabel("Note to signee").fill("New note: welcome aboard.");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Note saved.").waitFor();
    await page.reload();
    await page.getByText("New note: welcome aboard.").waitFor();
    // Another journey may have published version 2 of the demo agreement first.
    await page.getByRole("link", { name: /^View version \d+$/ }).click();
    await page.getByRole("link", { name: "Hide the agreement" }).waitFor();
    await snap(page, "contract-details-general");

    await page.getByRole("link", { name: "Permissions" }).click();
    await page.getByText("Can create and manage program agreements").waitFor();
    await page.getByText("Can create service agreements and service contracts, inviting its own resellers").waitFor();
    expect(await page.getByText("once this contract is activated").isVisible()).toBe(true);

    // Regenerate: the old link stops working at once.
    await page.getByRole("link", { name: "General" }).click();
    await page.getByRole("button", { name: "Regenerate link" }).click();
    await dialog(page).getByRole("heading", { name: "Regenerate the activation link" }).waitFor();
    await snap(page, "contract-details-regenerate-dialog");
    await dialog(page).getByRole("button", { name: "Regenerate link" }).click();
    await page.getByText("The previous link no longer works.").waitFor();
    expect(await dialog(page).count()).toBe(0);
    await expect.poll(() => page.getByLabel("Activation link").inputValue()).not.toBe(a.link);
    const newLink = await page.getByLabel("Activation link").inputValue();
    const visitor = await app.newPage();
    await visitor.page.goto(a.link);
    await visitor.page.getByRole("heading", { name: "This link is not valid" }).waitFor();
    await visitor.context.close();

    // Email the link: a bad address is refused next to the field.
    await page.getByRole("button", { name: "Email link" }).click();
    // The dialog takes the focus, and Esc closes it without sending anything.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    expect(await dialog(page).count()).toBe(0);
    await page.getByRole("button", { name: "Email link" }).click();
    await page.getByLabel("Signee email").fill("not an email");
    await page.getByRole("button", { name: "Send email" }).click();
    await page.getByText("Enter a valid email address.").waitFor();
    await snap(page, "contract-details-email-dialog-error");
    await page.getByLabel("Signee email").fill("partner@example.test");
    await page.getByRole("button", { name: "Send email" }).click();
    await page.getByText("Activation link emailed to partner@example.test.").waitFor();

    await page.getByRole("link", { name: "History" }).click();
    for (const line of [
      "Contract created",
      "Note to signee edited",
      "Activation link regenerated",
      "Activation link emailed to partner@example.test",
    ]) {
      await page.getByText(line).first().waitFor();
    }
    await snap(page, "contract-details-history-pending");

    // Delete a second contract: it is gone from the list and its URL is "not found".
    const b = await createViaWizard(page, "Second contract to delete.");
    await page.goto(`/partners/contracts/${b.id}`);
    // No solid red button in the main row: Delete is in the menu, and asks first.
    expect(await page.getByRole("button", { name: "Delete", exact: true }).count()).toBe(0);
    await fromMenu(page, "Delete");
    await confirm(page)
      .getByRole("heading", { name: `Delete contract ${b.id}?` })
      .waitFor();
    await snap(page, "contract-details-delete-confirm");
    await confirm(page).getByRole("button", { name: "Delete contract" }).click();
    await page.waitForURL((url) => url.pathname === "/partners/contracts");
    await page.getByText(`Contract ${b.id} was deleted.`).waitFor();
    await page.goto(`/partners/contracts?q=${encodeURIComponent(b.id)}`);
    expect(await page.getByRole("link", { name: b.id }).count()).toBe(0);
    await page.goto(`/partners/contracts/${b.id}`);
    await page.getByRole("heading", { name: "Contract not found" }).waitFor();
    await snap(page, "contract-details-not-found");

    // The partner activates with the new link; the distributor terminates with a reason.
    const partner = await app.newPage();
    const partnerPage = await activate(partner.context, newLink);
    await partnerPage.goto(`/partners/contracts/${a.id}`);
    await partnerPage.getByRole("heading", { name: "Contract not found" }).waitFor();
    await page.goto(`/partners/contracts/${a.id}`);
    await page.getByText("Pat Partner").first().waitFor();
    expect(await page.getByLabel("Activation link").count()).toBe(0);
    await fromMenu(page, "Terminate");
    await dialog(page).getByRole("button", { name: "Terminate contract" }).click();
    await page.getByText("Give the reason for terminating.").waitFor();
    await page.getByLabel("Reason").fill("Partner closed the business");
    await snap(page, "contract-details-terminate");
    await dialog(page).getByRole("button", { name: "Terminate contract" }).click();
    await page.getByText("The contract was terminated.").waitFor();
    await page.getByRole("link", { name: "History" }).click();
    await page.getByText("Contract terminated. Reason: Partner closed the business").waitFor();
    expect(await page.getByText("Terminated").first().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "More actions" }).count()).toBe(0);
    await snap(page, "contract-details-history-terminated");
    await page.getByRole("link", { name: "Versions" }).click();
    await page.getByRole("cell", { name: "Pat Partner" }).waitFor();

    // The partner lost what the contract granted with the termination: the Partners module is closed.
    await partnerPage.goto("/partners/agreements");
    await partnerPage.waitForURL((url) => !url.pathname.startsWith("/partners"));
    await partner.context.close();
    await context.close();
  });
});
