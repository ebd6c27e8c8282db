import { describe, expect, it } from "vitest";
import { signIn, snap, setupBrowser } from "./browser";
import { focused, tabTo } from "./keyboard";

const app = setupBrowser();
const AGREEMENT = "Northwind Reseller Service Agreement";

describe("Contracts tab and the Create Contract wizard", () => {
  it("runs the wizard to the Summary, copies the activation link and goes to the details", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/contracts");
    await page.getByRole("link", { name: "Create Contract" }).first().click();
    await page.waitForURL(/\/partners\/contracts\/new$/);

    const steps = page.getByRole("navigation", { name: "Create Contract steps" });
    expect((await steps.innerText()).replace(/\s+/g, " ")).toMatch(/Type.*Agreement.*Parameters.*Summary/);
    expect(await page.getByLabel("Service").isChecked()).toBe(true);
    expect(await page.getByLabel("Program").isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Next" }).click();

    // Next without a choice stays on Agreement with a message next to the list.
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Choose a service agreement.").waitFor();
    await page.getByLabel("Search agreements").fill("reseller service");
    await page.getByText(AGREEMENT).waitFor();
    await page.getByLabel(new RegExp(AGREEMENT)).check();
    await snap(page, "contracts-wizard-agreement");
    expect(await page.getByText("Choose a service agreement.").count()).toBe(0);
    await page.getByRole("button", { name: "Next" }).click();

    expect(await page.getByLabel("Production").isChecked()).toBe(true);
    expect(await page.getByLabel("Delegate").isVisible()).toBe(true);
    const expiry = await page.getByLabel("Link expiration date").inputValue();
    expect(Date.parse(expiry) - Date.now()).toBeGreaterThan(28 * 86_400_000);
    // Create with no note: the message appears next to the field and nothing is created.
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Leave a note to signee.").waitFor();
    await page.getByLabel("Note to signee").fill("Welcome aboard, please activate by Friday.");
    await page.getByText("42/200 characters").waitFor();
    await page.getByLabel("Program").check();
    await page.getByLabel("Test").check();

    // Back to Agreement and forward again keeps every answer.
    await page.getByRole("button", { name: "Back" }).click();
    expect(await page.getByLabel(new RegExp(AGREEMENT)).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Next" }).click();
    expect(await page.getByLabel("Note to signee").inputValue()).toBe("Welcome aboard, please activate by Friday.");
    expect(await page.getByLabel("Program").isChecked()).toBe(true);
    expect(await page.getByLabel("Test").isChecked()).toBe(true);
    await snap(page, "contracts-wizard-parameters");

    await page.getByRole("button", { name: "Create" }).dblclick();
    await page.getByText("Service contract created").waitFor();
    const contractId = (await page.getByTestId("summary-contract-id").innerText()).trim();
    expect(contractId).toMatch(/^CRS-\d{5}-\d{5}-\d{5}$/);
    expect(await page.getByText("Can create and manage program agreements").isVisible()).toBe(true);
    const link = await page.getByLabel("Activation link").inputValue();
    expect(link).toMatch(new RegExp(`^${app.baseUrl}/activate/[A-Za-z0-9_-]{43}$`));
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied", { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await snap(page, "contracts-wizard-summary");

    // The double click made one contract: the list shows it once.
    await page.goto(`/partners/contracts?q=${encodeURIComponent(contractId)}`);
    expect(await page.getByRole("link", { name: contractId }).count()).toBe(1);
    await page.goto("/partners/contracts?kind=test");
    expect(await page.getByRole("link", { name: contractId }).isVisible()).toBe(true);
    expect(await page.getByLabel("Kind").inputValue()).toBe("test");
    await snap(page, "contracts-list");

    await page.goBack();
    await page.goto("/partners/contracts/new");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel(new RegExp(AGREEMENT)).check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Note to signee").fill("Second contract.");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Service contract created").waitFor();
    const secondId = (await page.getByTestId("summary-contract-id").innerText()).trim();
    expect(secondId).not.toBe(contractId);
    await page.getByRole("link", { name: "Go to Details" }).click();
    await page.waitForURL(new RegExp(`/partners/contracts/${secondId}$`));
    await context.close();
  });

  it("shows the empty search state and Close returns to the list", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/contracts?q=no-such-partner-anywhere");
    await page.getByText("No contracts match").waitFor();
    await page.getByRole("link", { name: "Create Contract" }).click();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel(new RegExp(AGREEMENT)).check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Note to signee").fill("Closing after this one.");
    await page.getByLabel("Link expiration date").fill("2020-01-01");
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("The expiration date must be in the future.").waitFor();
    await page.getByLabel("Link expiration date").fill(new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: "Create" }).click();
    await page.getByText("Service contract created").waitFor();
    await page.getByRole("link", { name: "Close" }).click();
    await page.waitForURL((u) => u.pathname === "/partners/contracts");
    await context.close();
  });

  it("runs the whole wizard with the keyboard alone; each step starts with focus on its title", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/contracts");
    await page.getByRole("heading", { name: "Contracts", level: 1 }).waitFor();
    await tabTo(page, /^Create Contract$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/partners\/contracts\/new$/);
    await page.getByRole("heading", { name: "Create Contract", level: 1 }).waitFor();

    await tabTo(page, /^Next$/);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).name).toBe("Choose a service agreement");
    // Into the list of agreements, then the arrow keys choose one (a radio group).
    await tabTo(page, /Service Agreement|Terms/);
    await page.keyboard.press("Space");
    for (let i = 0; i < 30 && !(await focused(page)).name.includes(AGREEMENT); i++) await page.keyboard.press("ArrowDown");
    expect((await focused(page)).name).toContain(AGREEMENT);
    expect(await page.getByLabel(new RegExp(AGREEMENT)).isChecked()).toBe(true);
    await tabTo(page, /^Next$/);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).name).toBe("Set the contract parameters");

    // The label's text reads "Note to signee(required)" (the marker is hidden from assistive technology).
    await tabTo(page, /^Note to signee/);
    await page.keyboard.type("Typed with the keyboard only.");
    await tabTo(page, /^Create$/);
    await page.keyboard.press("Enter");
    await page.getByText("Service contract created").waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe("Service contract created");
    await tabTo(page, /^Go to Details$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/partners\/contracts\/CRS-/);
    await page.getByText("Typed with the keyboard only.").waitFor();
    await context.close();
  });
});
