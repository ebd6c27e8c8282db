import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { issueContract, stepTitle } from "./activation-helpers";
import { setupBrowser, signIn, snap } from "./browser";

// Issue 24: the whole activation in German, for a reseller whose browser asks for German; the visible
// switcher changes the language (here to French and back) on the link's own page.

const app = setupBrowser();
const PASSWORD = "meine lange Passphrase für das Portal";
const email = `greta.${Date.now()}@handel.test`;

/** The words on the page a person reads (not the distributor's own agreement text or note). */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('div[tabindex="0"][aria-label], p.whitespace-pre-wrap, script, template').forEach((n) => n.remove());
    return copy.innerText;
  });
}

async function expectNoEnglish(page: Page, words: string[]): Promise<void> {
  const text = await interfaceText(page);
  for (const w of words) expect(text, `"${w}" on a German page`).not.toContain(w);
}

describe("the activation in German", () => {
  it("a German browser reads every step in German, can switch language, signs and lands in the Reseller Portal", async () => {
    const staff = await app.newPage();
    await signIn(staff.page);
    const link = await issueContract(staff.page, { test: true });
    await staff.context.close();

    const { page, context } = await app.newPage({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
    await page.goto(link);
    await page.getByRole("heading", { name: "Vertragsaktivierung" }).waitFor();
    await stepTitle(page, "1. Vertrag prüfen");
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    expect(await page.title()).toContain("Vertragsaktivierung");
    const stepper = page.getByRole("list", { name: "Aktivierungsschritte" });
    expect((await stepper.innerText()).replace(/\s+/g, " ")).toMatch(
      /Vertrag prüfen.*Benutzerdaten festlegen.*Unternehmensdaten festlegen.*Vertrag aktivieren/,
    );
    expect(await page.getByText(/TEST-Vertrag/).isVisible()).toBe(true);
    expect(await page.getByText("Kann Programmvereinbarungen erstellen und verwalten").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Ablehnen" }).isVisible()).toBe(true);
    await expectNoEnglish(page, [
      "Contract activation",
      "Review the contract",
      "I have read and accepted the agreement",
      "Note to signee",
      "Permissions this contract grants",
      "invites you",
    ]);
    expect(await page.getByRole("button", { name: "Next", exact: true }).count()).toBe(0);
    await snap(page, "activation-de-1-review");

    // The visible switcher: French, then back to German; the page stays this link's step.
    const switcher = page.locator('select[name="locale"]');
    expect(await switcher.inputValue()).toBe("de");
    await switcher.selectOption("fr");
    await page.getByRole("heading", { name: "Activation du contrat" }).waitFor();
    await stepTitle(page, "1. Examiner le contrat");
    expect(page.url()).toBe(link);
    expect(await page.getByLabel("J'ai lu et j'accepte l'accord").isVisible()).toBe(true);
    await page.locator('select[name="locale"]').selectOption("de");
    await page.getByRole("heading", { name: "Vertragsaktivierung" }).waitFor();
    expect(page.url()).toBe(link);

    await page.getByLabel("E-Mail").fill(email);
    await page.getByLabel("Ich habe die Vereinbarung gelesen und akzeptiert").check();
    await page.getByRole("button", { name: "Weiter" }).click();

    await stepTitle(page, "2. Benutzerdaten festlegen");
    expect(await page.getByText(/Mindestens 15 Zeichen/).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Zurück" }).isVisible()).toBe(true);
    await expectNoEnglish(page, ["Configure the user properties", "Full name", "At least 15 characters", "Back"]);
    await page.getByLabel("Vollständiger Name").fill("Greta Gruber");
    await page.getByLabel("Passwort").fill(PASSWORD);
    await snap(page, "activation-de-2-user");
    await page.getByRole("button", { name: "Weiter" }).click();

    await stepTitle(page, "3. Unternehmensdaten festlegen");
    expect(await page.getByText("Der Name einer juristischen Person mit ihrer Rechtsform, etwa Inc., LLC, GmbH.").isVisible()).toBe(true);
    await expectNoEnglish(page, ["Configure the company properties", "Company name", "A legal entity name"]);
    await page.getByLabel("Unternehmensname").fill("Gruber Handel GmbH");
    await snap(page, "activation-de-3-company");
    await page.getByRole("button", { name: "Weiter" }).click();

    await stepTitle(page, "4. Vertrag aktivieren");
    const summary = await page.locator("dl").last().innerText();
    expect(summary).toContain("Gruber Handel GmbH (neues Unternehmen)");
    expect(summary).toContain("Unterzeichner");
    expect(summary).toMatch(/CRS-\d{5}-\d{5}-\d{5}/);
    expect(await page.getByText(/Mit einem Klick auf Aktivieren unterzeichnen Sie die Vereinbarung/).isVisible()).toBe(true);
    await expectNoEnglish(page, ["Activate the contract", "By clicking Activate", "(new company)", "Signee"]);
    await snap(page, "activation-de-4-activate");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "tests/e2e/artifacts/activation-de-4-activate-390.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Aktivieren" }).click();

    await page.waitForURL(/\/reseller\?activated=CRS-/);
    await page.getByText(/Ihr Vertrag CRS-\d{5}-\d{5}-\d{5} ist aktiv\./).waitFor();
    expect(await page.getByRole("heading", { name: "Gruber Handel GmbH" }).isVisible()).toBe(true);
    await snap(page, "activation-de-5-reseller-portal");

    // The used link says so, in German.
    await page.goto(link);
    await page.getByRole("heading", { name: "Dieser Vertrag ist bereits aktiv" }).waitFor();
    await context.close();
  });
});
