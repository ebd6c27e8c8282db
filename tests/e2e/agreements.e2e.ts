import { describe, expect, it } from "vitest";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();

describe("agreements journey", () => {
  it("creates an agreement, adds version 2, activates it and sees version 2 active", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/agreements");
    expect(await page.getByRole("link", { name: "Northwind Reseller Service Agreement" }).isVisible()).toBe(true);
    await snap(page, "agreements-list");

    await page.getByRole("link", { name: "Create Agreement" }).first().click();
    await page.waitForURL(/\/partners\/agreements\/new$/);
    // Empty submit: a message next to each required field, nothing saved.
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.getByText("Enter a name.").waitFor();
    expect(await page.getByText("Enter the agreement text or an https link to it.").isVisible()).toBe(true);
    await snap(page, "agreements-create-errors");

    const name = `Journey Terms ${Date.now()}`;
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Description").fill("Terms for **journey** resellers.");
    await page.getByLabel("Version 1").fill("# Journey Terms\n\n## 1. Scope\n\nVersion one text.\n\n<script>alert(1)</script>");
    expect(await page.getByLabel("Activate version").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await page.waitForURL(/\/partners\/agreements\/AGS-\d{3}-\d{3}-\d{3}$/);
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page.getByText(`Agreement “${name}” was created.`).waitFor();
    expect(await page.getByTestId("active-version").textContent()).toBe("Active version: v1");
    expect(await page.getByText("Version one text.").isVisible()).toBe(true);
    expect(await page.locator(".agreement-prose script").count()).toBe(0);

    // Version 2 is saved as a draft; Publish asks first, telling who is asked to sign; Cancel changes nothing.
    await page.getByLabel("Version 2").fill("# Journey Terms\n\nVersion two text.");
    await page.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Version 2 was saved as a draft.").waitFor();
    await page.getByTestId("version-2").getByText("Draft", { exact: true }).waitFor();
    expect(await page.getByTestId("active-version").textContent()).toBe("Active version: v1");
    await page.getByRole("button", { name: "Publish version 2" }).click();
    const ask = page.getByRole("alertdialog");
    await ask.getByRole("heading", { name: "Publish version 2?" }).waitFor();
    expect(await ask.getByText(/No contract will be asked to sign; no signee will be emailed\./).isVisible()).toBe(true);
    await snap(page, "agreements-publish-confirm");
    await ask.getByRole("button", { name: "Cancel" }).click();
    expect(await page.getByTestId("active-version").textContent()).toBe("Active version: v1");
    await page.getByRole("button", { name: "Publish version 2" }).click();
    await ask.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText("Version 2 was published.").waitFor();
    await page.getByTestId("version-2").getByText("Active", { exact: true }).waitFor();
    expect(await page.getByTestId("active-version").textContent()).toBe("Active version: v2");
    expect(await page.getByText("Version two text.").isVisible()).toBe(true);
    expect(await page.getByTestId("version-1").getByText("Inactive").isVisible()).toBe(true);

    // The active version cannot be deleted: Delete is disabled in its menu, with the reason.
    await page.getByRole("button", { name: "More actions for version 2" }).click();
    expect(await page.getByRole("menuitem", { name: "Delete" }).getAttribute("aria-disabled")).toBe("true");
    await page.getByText("Version 2 is the active version. Publish another version before deleting it.").waitFor();
    await page.keyboard.press("Escape");
    await snap(page, "agreements-detail");

    // The list shows the new agreement with v2 active; search finds it by name.
    await page.goto(`/partners/agreements?q=${encodeURIComponent(name)}`);
    const row = page.getByRole("row", { name: new RegExp(name) });
    expect(await row.getByText("Version 2").isVisible()).toBe(true);
    await context.close();
  });

  it("shows the demo agreement's long text in a scrollable box, and any version's text on request", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/partners/agreements?q=Northwind");
    await page.getByRole("link", { name: "Northwind Reseller Service Agreement" }).click();
    await page.getByTestId("active-version").waitFor();
    // Other journeys may publish version 2 of the demo agreement: view each version by its URL.
    const agreementUrl = page.url().split("?")[0];
    await page.goto(`${agreementUrl}?version=1`);
    await page.getByRole("heading", { name: "Version 1" }).waitFor();
    const box = page.getByLabel("Agreement text");
    expect(await box.getByRole("heading", { name: "7. Governing law" }).count()).toBe(1);
    expect(await box.evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY === "auto")).toBe(true);
    await snap(page, "agreements-demo");
    await page.getByRole("link", { name: "View version 2" }).click();
    await page.getByRole("heading", { name: "Version 2" }).waitFor();
    expect(await page.getByLabel("Agreement text").getByRole("heading", { name: "8. Data protection" }).count()).toBe(1);
    expect(await page.getByTestId("active-version").textContent()).toMatch(/^Active version: v[12]$/);
    await context.close();
  });

  it("shows a not-found page for an agreement ID that is not the account's", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    const res = await page.goto("/partners/agreements/AGS-000-000-000");
    expect(res?.status()).toBe(404);
    await context.close();
  });
});
