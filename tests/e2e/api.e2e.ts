import { describe, expect, it } from "vitest";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();

describe("REST API, keys and webhooks on the production build", () => {
  it("creates a key in Settings → API keys, uses it with curl-like requests, and revokes it", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/settings/api-keys");
    await page.getByRole("heading", { name: "Create API key" }).waitFor();
    await snap(page, "api-keys-empty");
    await page.getByLabel("Name").fill("E2E integration");
    await page.getByLabel("Read and write").check();
    await page.getByRole("button", { name: "Create API key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    expect(key).toMatch(/^scp_live_[A-Za-z0-9_-]{43}$/);
    await snap(page, "api-keys-created");

    const call = (path: string, init: RequestInit = {}) => fetch(`${app.baseUrl}/api/v1${path}`, { redirect: "manual", ...init });
    const auth = { authorization: `Bearer ${key}` };
    // No key: a JSON 401, not a redirect to the sign-in page; a browser's session cookie is not enough.
    const anonymous = await call("/contracts");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toBe("application/problem+json");
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    expect((await call("/contracts", { headers: { cookie } })).status).toBe(401);
    const list = await call("/contracts?status=pending&limit=10", { headers: auth });
    expect(list.status).toBe(200);
    const page1 = (await list.json()) as { data: { publicId: string; status: string }[] };
    expect(page1.data.length).toBeGreaterThan(0);
    expect(page1.data.every((c) => c.status === "pending")).toBe(true);
    const agreements = (await (await call("/agreements?q=Northwind Reseller Service", { headers: auth })).json()) as {
      data: { publicId: string; activeVersion: number | null }[];
    };
    const agreementId = agreements.data.find((a) => a.activeVersion !== null)!.publicId;
    const body = JSON.stringify({
      agreementId,
      kind: "test",
      noteToSignee: "From the API",
      linkExpiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    });
    const headers = { ...auth, "content-type": "application/json", "idempotency-key": crypto.randomUUID() };
    const created = await call("/contracts", { method: "POST", headers, body });
    expect(created.status).toBe(201);
    const again = await call("/contracts", { method: "POST", headers, body });
    const [a, b] = [await created.json(), await again.json()];
    expect(b.publicId).toBe(a.publicId);
    // The contract shows in the Contracts tab like one made with the wizard.
    await page.goto(`/partners/contracts/${a.publicId}`);
    await page.getByText("From the API").first().waitFor();

    const doc = await call("/openapi.json");
    expect(doc.status).toBe(200);
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");

    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Revoke" }).first().click();
    await page.getByRole("button", { name: "Revoke key" }).click();
    await page.getByText("No API keys").waitFor();
    expect((await call("/contracts", { headers: auth })).status).toBe(401);
    await context.close();
  });

  it("shows the API reference without signing in", async () => {
    const { page, context } = await app.newPage();
    const res = await page.goto("/docs/api");
    expect(res?.status()).toBe(200);
    await page.getByRole("heading", { name: "Create contract" }).waitFor();
    await snap(page, "api-reference");
    await context.close();
  });

  it("adds a webhook endpoint in Settings → Webhooks and refuses an internal address", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/settings/webhooks");
    await page.getByLabel("Endpoint URL").fill("https://169.254.169.254/latest");
    await page.getByLabel("contract.created").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText(/points to an internal address/).waitFor();
    await page.getByLabel("Endpoint URL").fill("https://93.184.216.34/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("new-webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText("Nothing was sent to this endpoint yet.").waitFor();
    await snap(page, "webhooks");
    await context.close();
  });
});
