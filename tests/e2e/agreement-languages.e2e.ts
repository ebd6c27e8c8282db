import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PHONE, setupBrowser, signIn, snap } from "./browser";

// Issue 24: a version may carry its text in other languages. The distributor adds a German text with the
// keyboard, publishes the version, makes a contract on it; a German signee reads the German text, an
// English one the main text.

const app = setupBrowser();
const MAIN = "The partner agrees to the main terms.";
const GERMAN = "Der Partner stimmt den deutschen Bedingungen zu.";

/** The wizard with this agreement, returning the activation link. */
async function issueContractOn(page: Page, agreement: string): Promise<string> {
  await page.goto("/partners/contracts/new");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(new RegExp(agreement)).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Note to signee").fill("Please read the terms in your language.");
  await page.getByLabel("Program").check();
  await page.getByLabel("Test").check();
  await page.getByRole("button", { name: "Create" }).click();
  await page
    .getByText("Service contract created")
    .waitFor()
    .catch(async (e) => {
      await page.screenshot({ path: "tests/e2e/artifacts/agreement-languages-wizard-failed.png", fullPage: true });
      throw e;
    });
  return page.getByLabel("Activation link").inputValue();
}

describe("agreement texts in other languages", () => {
  it("adds a version with a German text, publishes it; the activation shows the German text to a German browser only", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/agreements/new");
    const name = `Language Terms ${Date.now()}`;
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Description").fill("Terms in several languages.");
    await page.getByLabel("Version 1").fill("# Language Terms\n\nVersion one.");
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.waitForURL(/\/partners\/agreements\/AGS-\d{3}-\d{3}-\d{3}$/);
    await page.getByRole("heading", { name, level: 1 }).waitFor();

    // Version 2: the main text, then "Add a language" → Deutsch, all with the keyboard.
    await page.getByLabel("Version 2").fill(`# Terms\n\n${MAIN}`);
    const add = page.getByRole("button", { name: "Add a language" });
    await add.focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    // Opened with the keyboard, the menu highlights its first language; ↓ moves to Deutsch, Enter adds it.
    await menu.locator('[role="menuitem"][data-highlighted]', { hasText: "English" }).waitFor();
    expect(await menu.getByRole("menuitem").allInnerTexts()).toEqual(["English", "Deutsch", "Español", "Français", "Português (Brasil)"]);
    await page.keyboard.press("ArrowDown");
    await menu.locator('[role="menuitem"][data-highlighted]', { hasText: "Deutsch" }).waitFor();
    await page.keyboard.press("Enter");
    const german = page.getByLabel("Agreement text (Deutsch)");
    await german.waitFor();
    expect(await german.evaluate((el) => el === document.activeElement)).toBe(true);
    // An empty German text is refused next to its own editor.
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByTestId("language-de").getByRole("alert").waitFor();
    await german.focus();
    await page.keyboard.type(`# Bedingungen\n\n${GERMAN}`);
    await page.getByRole("region", { name: "Preview (Deutsch)" }).getByText(GERMAN).waitFor();
    // A second language can be added and removed; the focus goes back to "Add a language".
    await add.click();
    await page.getByRole("menuitem", { name: "Français" }).click();
    await page.getByLabel("Agreement text (Français)").waitFor();
    expect(await add.isVisible()).toBe(true);
    await snap(page, "agreement-languages-editor");
    await page.getByRole("button", { name: "Remove Français" }).click();
    expect(await page.getByLabel("Agreement text (Français)").count()).toBe(0);
    expect(await add.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: "tests/e2e/artifacts/agreement-languages-editor-390.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: "tests/e2e/artifacts/agreement-languages-editor-1280.png", fullPage: true });
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Version 2 was saved as a draft.").waitFor();

    // A link version has no texts in other languages: the control is hidden.
    await page.getByLabel("Version 3").fill("https://example.com/terms.pdf");
    expect(await page.getByRole("button", { name: "Add a language" }).count()).toBe(0);
    await page.getByLabel("Version 3").fill("");

    await page.getByRole("button", { name: "Publish version 2" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("Version 2 was published.").waitFor();
    // The version view: tabs Main text and Deutsch.
    const tabs = page.getByRole("navigation", { name: "Languages of version 2" });
    await tabs.getByRole("link", { name: "Deutsch" }).waitFor();
    expect(await tabs.getByRole("link").allInnerTexts()).toEqual(["Main text", "Deutsch"]);
    expect(await page.getByText(MAIN).isVisible()).toBe(true);
    await tabs.getByRole("link", { name: "Deutsch" }).click();
    await page.waitForURL(/text=de$/);
    await page.getByText(GERMAN).waitFor();
    expect(await page.getByText(MAIN).count()).toBe(0);
    await snap(page, "agreement-languages-view");

    const link = await issueContractOn(page, name);
    await context.close();

    const de = await app.newPage({ locale: "de-DE" });
    await de.page.goto(link);
    await de.page.getByText(GERMAN).waitFor();
    expect(await de.page.getByText(MAIN).count()).toBe(0);
    await snap(de.page, "agreement-languages-activation-de");
    await de.context.close();

    const en = await app.newPage({ locale: "en-US" });
    await en.page.goto(link);
    await en.page.getByText(MAIN).waitFor();
    expect(await en.page.getByText(GERMAN).count()).toBe(0);
    await en.context.close();
  });
});
