import { describe, expect, it } from "vitest";
import { DEMO_EMAIL, DEMO_PASSWORD, setupBrowser, signIn } from "./browser";

const app = setupBrowser();

describe("headers and cookies in production mode (SECURITY.md 13, 15, 17, 28)", () => {
  it("sends a per-request nonce CSP and the other security headers on every HTML page", async () => {
    const a = await fetch(`${app.baseUrl}/sign-in`);
    const b = await fetch(`${app.baseUrl}/sign-in`);
    const csp = a.headers.get("content-security-policy") ?? "";
    for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(/'nonce-([^']+)'/.exec(b.headers.get("content-security-policy") ?? "")?.[1]).not.toBe(nonce);
    expect(csp).not.toContain("unsafe-eval");
    const html = await a.text();
    // Every script Next renders carries the nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBeTruthy();
    expect(a.headers.get("x-powered-by")).toBeNull();
  });

  it("serves activation links with no cross-site referrer (same-origin), no-store and noindex", async () => {
    const res = await fetch(`${app.baseUrl}/activate/${"A".repeat(43)}`);
    expect(res.status).toBeLessThan(500);
    // same-origin, not no-referrer: the no-JavaScript step forms need a real Origin (docs/notes/activation.md).
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("x-robots-tag")).toBe("noindex");
  });

  it("ignores x-middleware-subrequest: bypassing the proxy exposes no protected page", async () => {
    const res = await fetch(`${app.baseUrl}/partners/contracts`, {
      redirect: "manual",
      headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware" },
    });
    expect([303, 307, 308]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/sign-in");
    expect(await res.text()).not.toContain("Northwind");
  });

  it("sets the session cookie HttpOnly, Secure, SameSite=Lax, living at most 12 hours", async () => {
    const { page, context } = await app.newPage();
    await signIn(page, DEMO_EMAIL, DEMO_PASSWORD);
    const cookie = (await context.cookies()).find((c) => c.name.includes("authjs.session-token"));
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.secure).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3600 * 1000 + 60_000);
    for (const c of await context.cookies()) expect(c.value).not.toContain(DEMO_PASSWORD);
    await context.close();
  });

  it("refuses a server action posted with a foreign or null Origin", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    // Capture a real server-action request (the account menu's sign-out), then replay it from elsewhere.
    await page.getByText("Nora Admin").click();
    let captured: { url: string; headers: Record<string, string>; body: string | null } | undefined;
    await page.route("**/*", async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        captured = { url: req.url(), headers: req.headers(), body: req.postData() };
        await route.abort();
      } else await route.continue();
    });
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    const cookieHeader = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    for (const origin of ["https://evil.example", "null"]) {
      const res = await fetch(captured!.url, {
        method: "POST",
        headers: { ...captured!.headers, origin, cookie: cookieHeader },
        body: captured!.body,
        redirect: "manual",
      });
      // Refused: no redirect to sign-in, and the session cookie is not cleared.
      expect(res.headers.get("location") ?? "").not.toContain("/sign-in");
      expect(res.headers.get("set-cookie") ?? "").not.toMatch(/authjs\.session-token=;/);
    }
    // Still signed in: neither replay signed the user out.
    await page.unroute("**/*");
    await page.goto("/partners/contracts");
    expect(new URL(page.url()).pathname).toBe("/partners/contracts");
    await context.close();
  });
});
