import { describe, expect, it } from "vitest";
import { issueContract, stepTitle } from "./activation-helpers";
import { setupBrowser, signIn } from "./browser";
import { focused, tabTo } from "./keyboard";

const app = setupBrowser();

/** The reseller's whole activation with Tab, Space, Enter and typing; each new step starts at its title. */
describe("activation with the keyboard alone", () => {
  it("a skip link, then all four steps and Activate, without a mouse", async () => {
    const staff = await app.newPage();
    await signIn(staff.page);
    const link = await issueContract(staff.page);
    await staff.context.close();

    const { page, context } = await app.newPage();
    await page.goto(link);
    await stepTitle(page, "1. Review the contract");
    // The first Tab offers the skip link; following it puts the next Tab inside the page's content.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ tag: "a", name: "Skip to content" });
    await page.keyboard.press("Enter");
    expect((await focused(page)).tag).toBe("main");

    await tabTo(page, /^Email$/);
    await page.keyboard.type(`kim.${Date.now()}@keyboard.test`);
    await tabTo(page, /I have read and accepted the agreement/);
    await page.keyboard.press("Space");
    await tabTo(page, /^Next$/);
    await page.keyboard.press("Enter");
    await stepTitle(page, "2. Configure the user properties");
    await expect.poll(async () => (await focused(page)).name).toBe("2. Configure the user properties");

    await tabTo(page, /^Full name$/);
    await page.keyboard.type("Kim Keyboard");
    await tabTo(page, /^Password$/);
    await page.keyboard.type("keys only, never a mouse, all the way");
    await page.keyboard.press("Enter"); // submits the step's form from its last field
    await stepTitle(page, "3. Configure the company properties");
    await expect.poll(async () => (await focused(page)).name).toBe("3. Configure the company properties");

    await tabTo(page, /^Company name$/);
    await page.keyboard.type("Keyboard Resale LLC");
    await page.keyboard.press("Enter");
    await stepTitle(page, "4. Activate the contract");
    await expect.poll(async () => (await focused(page)).name).toBe("4. Activate the contract");

    await tabTo(page, /^Activate$/);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/reseller\?activated=CRS-/);
    await page.getByRole("heading", { name: "Keyboard Resale LLC" }).waitFor();
    await context.close();
  });
});
