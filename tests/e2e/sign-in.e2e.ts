import { describe, expect, it } from "vitest";
import { DEMO_EMAIL, signIn, snap, setupBrowser } from "./browser";

const app = setupBrowser();

describe("sign-in journey", () => {
  it("signs in as the demo staff user, sees the Partners module, and signs out", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/partners/contracts");
    await page.waitForURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("Email").fill(DEMO_EMAIL);
    await page.getByLabel("Password").fill("northwind-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/partners\/contracts/);
    // The page's title once: the tab's own name, not "Partners" above every tab.
    await page.getByRole("heading", { name: "Contracts", level: 1 }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).allInnerTexts()).toEqual(["Contracts"]);
    for (const tab of ["Agreements", "Contracts", "Directory"]) {
      expect(await page.getByRole("navigation", { name: "Partners" }).getByRole("link", { name: tab }).isVisible()).toBe(true);
    }
    expect(await page.getByText("Distributor Portal").isVisible()).toBe(true);
    await snap(page, "partners-contracts");

    const cookies = await context.cookies();
    const sessionCookie = cookies.find((c) => c.name.includes("authjs.session-token"));
    expect(sessionCookie?.httpOnly).toBe(true);
    expect(sessionCookie?.sameSite).toBe("Lax");

    await page.getByText("Nora Admin").click();
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto("/partners/contracts");
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });

  it("shows one clear error for a wrong password and keeps the email", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO_EMAIL);
    await page.getByLabel("Password").fill("not-the-right-password-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Incorrect email or password.").waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe(DEMO_EMAIL);
    await snap(page, "sign-in-error");
    await context.close();
  });

  it("signs in the same way through the helper", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    expect(new URL(page.url()).pathname).toBe("/partners/contracts");
    await context.close();
  });
});
