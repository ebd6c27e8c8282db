import { describe, expect, inject, it } from "vitest";
import { setupBrowser, snap } from "./browser";
import { EXPIRED_NOTE } from "./fixtures";

const app = setupBrowser();

// The link was created through Create Contract and its expiry moved to yesterday by global-setup
// (fixtures.ts): no screen can backdate a link, so the browser starts from the mailed link.
describe("an expired activation link", () => {
  it("asks the visitor to get a new link from the distributor and shows nothing of the contract", async () => {
    const { page, context } = await app.newPage();
    const res = await page.goto(`/activate/${inject("expiredToken")}`);
    // Gone: the page says which state the link is in, with a 410 status (lib/activation/link-status.ts).
    expect(res?.status()).toBe(410);
    expect(res?.headers()["referrer-policy"]).toBe("same-origin");
    expect(res?.headers()["cache-control"]).toContain("no-store");
    expect(res?.headers()["x-robots-tag"]).toBe("noindex");
    await expect(page.getByRole("heading", { name: "This link has expired" }).isVisible()).resolves.toBe(true);
    const text = await page.locator("body").innerText();
    expect(text).toContain("Ask your distributor for a new one.");
    // Not the note, the agreement, the distributor, nor any step of the flow.
    for (const hidden of [EXPIRED_NOTE, "Northwind", "Reseller Service Agreement", "I have read and accepted the agreement"]) {
      expect(text).not.toContain(hidden);
    }
    expect(await page.getByRole("button", { name: /Activate|Reject|Next/ }).count()).toBe(0);
    // Next adds its own noindex to a non-200 page, beside the page's own: every one says noindex.
    const robots = await page.locator('meta[name="robots"]').evaluateAll((els) => els.map((el) => el.getAttribute("content")));
    expect(robots.length).toBeGreaterThan(0);
    for (const content of robots) expect(content).toContain("noindex");
    await snap(page, "activation-expired");
    await context.close();
  });
});
