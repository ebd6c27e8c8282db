import type { Page } from "playwright-core";

export const AGREEMENT = "Northwind Reseller Service Agreement";

/** The distributor's side: a contract through the real wizard, returning its activation link. */
export async function issueContract(page: Page, opts: { test?: boolean; signeeEmail?: string } = {}): Promise<string> {
  await page.goto("/partners/contracts/new");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(new RegExp(AGREEMENT)).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Note to signee").fill("Welcome aboard, please activate by Friday.");
  await page.getByLabel("Program").check();
  if (opts.test) await page.getByLabel("Test").check();
  if (opts.signeeEmail) await page.getByLabel("Signee email").fill(opts.signeeEmail);
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByText("Service contract created").waitFor();
  return page.getByLabel("Activation link").inputValue();
}

export async function stepTitle(page: Page, title: string): Promise<void> {
  await page.getByRole("heading", { name: title }).waitFor();
}
