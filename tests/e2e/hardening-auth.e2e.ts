import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { DEMO_EMAIL, DEMO_PASSWORD, setupBrowser, signIn } from "./browser";
import { authjsSignIn, E2E_SECRET, SESSION_COOKIE, startSecondServer } from "./support-auth";

const app = setupBrowser();
const WRONG = "not the password at all, sorry";

// Issue 14 items 1, 2, 7 and 8 against the production server (SECURITY.md 32, 33, 37).
describe("client IP, redirects and sessions on the production server", () => {
  it("a rotated X-Forwarded-For does not dodge sign-in throttling (sign-in page)", async () => {
    const { page, context } = await app.newPage();
    const seen: string[] = [];
    for (let i = 1; i <= 6; i++) {
      await context.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` });
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill("rotating-probe@example.test");
      await page.getByLabel("Password").fill(WRONG);
      await page.getByRole("button", { name: "Sign in" }).click();
      const message = page.getByText(/Incorrect email or password\.|Too many sign-in attempts/);
      await message.waitFor();
      seen.push((await message.textContent()) ?? "");
    }
    expect(seen.slice(0, 5).every((m) => m.startsWith("Incorrect"))).toBe(true);
    expect(seen[5]).toContain("Too many sign-in attempts");
    await context.close();
  });

  it("a rotated X-Forwarded-For does not dodge throttling on Auth.js's own endpoint either", async () => {
    const codes = [];
    for (let i = 1; i <= 6; i++)
      codes.push(await authjsSignIn(app.baseUrl, "rotating-probe-2@example.test", WRONG, { "x-forwarded-for": `203.0.113.${i}` }));
    expect(codes).toEqual(["credentials", "credentials", "credentials", "credentials", "credentials", "rate_limited"]);
  });

  it("after signing in with a hostile callbackUrl the browser stays on this site, and %0A answers no 500", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example%2Fx");
    await page.getByLabel("Email").fill(DEMO_EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => /^\/(partners|reseller)/.test(url.pathname));
    expect(new URL(page.url()).origin).toBe(app.baseUrl);
    for (const hostile of ["%2F%0A%2Fevil.example%2Fx", "%2F%0D%2Fevil.example", "%2F%2Fevil.example", "%2F.%2F%2Fevil.example"]) {
      const res = await page.goto(`/sign-in?callbackUrl=${hostile}`);
      expect(res?.status(), hostile).toBeLessThan(500);
      expect(new URL(page.url()).origin).toBe(app.baseUrl);
    }
    const icon = await fetch(`${app.baseUrl}/icon.svg`, { redirect: "manual" }); // the sign-in page's own icon
    expect(icon.status).toBe(200);
    const anonymous = await fetch(`${app.baseUrl}/sign-in?callbackUrl=%2F%0A%2Fevil.example`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.text()).toMatch(/<input type="hidden" name="callbackUrl" value="\/"\/>/);
    await context.close();
  });

  it("the session endpoint never extends a session and reports when it ends: 12 hours after sign-in", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    const before = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    await new Promise((r) => setTimeout(r, 2_500));
    const res = await context.request.get("/api/auth/session");
    const body = (await res.json()) as { user: { email: string }; expires: string };
    expect(body.user.email).toBe(DEMO_EMAIL);
    expect(res.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token=");
    const after = (await context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    expect(Math.abs(after.expires - before.expires)).toBeLessThan(1);
    const { sat } = (await decode({ token: after.value, secret: E2E_SECRET, salt: SESSION_COOKIE })) as { sat: number };
    expect(new Date(body.expires).getTime()).toBe((sat + 12 * 3600) * 1000);
    await context.close();
  });

  it("a token whose sign-in is older than 12 hours is refused by pages and by the session endpoint", async () => {
    const signedIn = await app.newPage();
    await signIn(signedIn.page);
    const real = (await signedIn.context.cookies()).find((c) => c.name === SESSION_COOKIE)!;
    const payload = (await decode({ token: real.value, secret: E2E_SECRET, salt: SESSION_COOKIE }))!;
    await signedIn.context.close();
    // What a sliding session would have kept alive: signed in 13 hours ago, re-issued an hour ago.
    const old = await encode({
      token: { ...payload, sat: Number(payload.sat) - 13 * 3600 },
      secret: E2E_SECRET,
      salt: SESSION_COOKIE,
      maxAge: 11 * 3600,
    });
    const { page, context } = await app.newPage();
    await context.addCookies([
      { name: SESSION_COOKIE, value: old, domain: "localhost", path: "/", secure: true, httpOnly: true, sameSite: "Lax" },
    ]);
    expect(await (await context.request.get("/api/auth/session")).json()).toBeNull();
    await context.addCookies([
      { name: SESSION_COOKIE, value: old, domain: "localhost", path: "/", secure: true, httpOnly: true, sameSite: "Lax" },
    ]);
    await page.goto("/partners/contracts");
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });

  it("after Sign out everywhere the session endpoint agrees with pages: signed out", async () => {
    const a = await app.newPage();
    const b = await app.newPage();
    await signIn(a.page);
    await signIn(b.page);
    expect(((await (await b.context.request.get("/api/auth/session")).json()) as { user: { email: string } }).user.email).toBe(DEMO_EMAIL);
    await a.page.getByText("Nora Admin").click();
    await a.page.getByRole("menuitem", { name: "Sign out everywhere" }).click();
    await a.page.waitForURL(/\/sign-in/);
    expect(await (await b.context.request.get("/api/auth/session")).json()).toBeNull();
    await b.page.goto("/partners/contracts");
    await b.page.waitForURL(/\/sign-in/);
    await a.context.close();
    await b.context.close();
  });

  it("HSTS follows the APP_URL the server runs with, and TRUSTED_PROXY_HOPS=1 reads the proxy's entry only", async () => {
    expect((await fetch(`${app.baseUrl}/sign-in`)).headers.get("strict-transport-security")).toBeNull();
    const second = await startSecondServer({ APP_URL: "https://portal.example", TRUSTED_PROXY_HOPS: "1" });
    try {
      const res = await fetch(`${second.url}/sign-in`);
      expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      // Behind one proxy: the client may forge entries on the left, but the proxy's right-most one counts.
      const codes = [];
      for (let i = 1; i <= 6; i++)
        codes.push(await authjsSignIn(second.url, "proxied-probe@example.test", WRONG, { "x-forwarded-for": `6.6.6.${i}, 192.0.2.10` }));
      expect(codes.at(-1)).toBe("rate_limited");
      // Another client behind the same proxy is a different address, not throttled.
      expect(await authjsSignIn(second.url, "proxied-probe@example.test", WRONG, { "x-forwarded-for": "192.0.2.11" })).toBe("credentials");
    } finally {
      await second.stop();
    }
  });
});
