import { describe, expect, it, inject } from "vitest";
import { signIn, setupBrowser } from "./browser";

const app = setupBrowser();

// docs/security-requirements.md 38: another tenant's object answers with a 404 status, not a 200 page that only looks
// like "not found" (which crawlers, monitors and scripts would take as a hit).
describe("another distributor's pages", () => {
  it("answer 404 with the not-found view to a signed-in distributor, like an ID that never existed", async () => {
    const foreign = inject("foreign");
    const { page, context } = await app.newPage();
    await signIn(page);
    const pages = [
      [`/partners/contracts/${foreign.contract}`, "Contract not found"],
      ["/partners/contracts/CRS-000-000-000", "Contract not found"],
      [`/partners/agreements/${foreign.agreement}`, "Not found"],
      [`/partners/directory/${foreign.account}`, "Not found"],
      [`/reseller/contracts/${foreign.contract}`, "Not found"],
    ] as const;
    for (const [path, heading] of pages) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await page.getByRole("heading", { name: heading }).first().waitFor();
    }
    await context.close();
  });

  it("a crafted cursor, page or filter on every list gets a page, never a 500", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    const monthThirteen = Buffer.from("next|2026-13-01T00:00:00.000000Z|00000000-0000-4000-8000-000000000000").toString("base64url");
    for (const path of [
      `/partners/contracts?cursor=${monthThirteen}&status=nope&kind=%00`,
      `/partners/agreements?cursor=${monthThirteen}`,
      "/partners/directory?page=-1e309&status=x&q=%25",
      "/reseller/contracts/CRS-000-000-000?tab=%00&signed=1e9",
    ]) {
      const res = await page.goto(path);
      expect([200, 404], path).toContain(res?.status());
    }
    expect((await page.goto(`/partners/contracts?cursor=${monthThirteen}`))?.status()).toBe(200);
    await page.getByRole("table").first().waitFor();
    await context.close();
  });
});
