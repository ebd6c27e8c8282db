import { deflateSync } from "node:zlib";
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, setupBrowser, signIn, snap } from "./browser";

// Issue 17: a forgotten password reset from the emailed link; two-factor sign-in set up on Your profile,
// then used with a code and with a recovery code; the distributor's branding. Demo resellers nobody else's
// journey uses: Hana (reset) and Chloe (two-factor).
const app = setupBrowser();
const HANA = "hana@proseware.test";
const CHLOE = "chloe@margies.test";
const NEW_PASSWORD = "copper kettles whistle over quiet dunes";

/** The newest email to `to` whose subject matches, opened in the development mailbox (as the demo admin). */
async function openMail(page: Page, to: string, subject: RegExp): Promise<void> {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect
    .poll(
      async () => {
        await page.reload();
        return row.getByText("Delivered").isVisible();
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await row.getByRole("link", { name: subject }).click();
  await page.getByRole("heading", { name: subject }).first().waitFor();
}

async function passwordStep(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("account security", () => {
  it("resets a forgotten password from the emailed link (single use), then signs in with the new one", async () => {
    const { page, context } = await app.newPage();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await page.waitForURL(/\/forgot-password$/);
    await snap(page, "forgot-password");
    await page.getByLabel("Email").fill(HANA);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText("If an account uses this email, we sent it a link").waitFor();
    await snap(page, "forgot-password-sent");

    const admin = await app.newPage();
    await signIn(admin.page);
    await openMail(admin.page, HANA, /Reset your Service Contracts password/);
    const href = await admin.page
      .getByRole("link", { name: /\/reset-password\/[A-Za-z0-9_-]{43}/ })
      .first()
      .getAttribute("href");
    expect(href).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);

    await page.goto(href!);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await snap(page, "reset-password");
    await page.getByLabel("New password").fill("password123");
    await page.getByRole("button", { name: "Set new password" }).click();
    // The refusal under the field (the rule itself is always shown as the hint).
    await page
      .locator("#password-error")
      .getByText(/too common|at least 15/i)
      .waitFor();
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.waitForURL(/\/sign-in\?reset=done$/);
    await page.getByText("Your password was changed. Sign in with your new password.").waitFor();
    await snap(page, "reset-password-done");

    // The old password no longer works; the new one does.
    await passwordStep(page, HANA, DEMO_PASSWORD);
    await page.getByText("Incorrect email or password.").waitFor();
    await signIn(page, HANA, NEW_PASSWORD);
    expect(new URL(page.url()).pathname).toMatch(/^\/reseller/);

    // The link was spent: opening it again says so.
    const again = await app.newPage();
    await again.page.goto(href!);
    await again.page.getByText("This password reset link has expired or was already used.").waitFor();
    await again.context.close();

    await openMail(admin.page, HANA, /Your password was changed/);
    await admin.context.close();
    await context.close();
  });

  it("turns on two-factor sign-in with the QR code's key, then signs in with a code and with a recovery code", async () => {
    const { page, context } = await app.newPage();
    await signIn(page, CHLOE);
    await page.goto("/settings/profile");
    await page.getByRole("heading", { name: "Two-factor sign-in" }).waitFor();
    await snap(page, "profile");
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const secretText = page.getByTestId("totp-secret");
    await secretText.waitFor();
    await page.getByRole("img", { name: "QR code for your authenticator app" }).waitFor();
    await snap(page, "profile-two-factor-setup");
    const secret = (await secretText.innerText()).replace(/\s+/g, "");
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });

    await page.getByLabel("Code from the app").fill("000000");
    await page.getByRole("button", { name: "Turn on" }).click();
    await page.getByText(/That code is not correct/).waitFor();
    await page.getByLabel("Code from the app").fill(totp.generate());
    await page.getByRole("button", { name: "Turn on" }).click();
    const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const recovery = (await codes.nth(2).innerText()).trim();
    await snap(page, "profile-two-factor-codes");
    await page.getByRole("button", { name: "I saved my recovery codes" }).click();
    await page.getByText(/Two-factor sign-in is on/).waitFor();
    await context.close();

    // A fresh browser: the password alone is not enough, the code step follows.
    const second = await app.newPage();
    await passwordStep(second.page, CHLOE);
    await second.page.getByLabel("Authentication code").waitFor();
    await snap(second.page, "sign-in-code");
    await second.page.getByLabel("Authentication code").fill("123456");
    await second.page.getByRole("button", { name: "Verify" }).click();
    await second.page.getByText("That code is not correct or was already used.").waitFor();
    // The next time step's code: the one used to turn it on cannot be used again (no replay).
    await second.page.getByLabel("Authentication code").fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await second.page.getByRole("button", { name: "Verify" }).click();
    await second.page.waitForURL((url) => url.pathname.startsWith("/reseller"));
    await second.context.close();

    // Another browser, with a recovery code instead; that code then works no more.
    const third = await app.newPage();
    await passwordStep(third.page, CHLOE);
    await third.page.getByLabel("Authentication code").fill(recovery);
    await third.page.getByRole("button", { name: "Verify" }).click();
    await third.page.waitForURL((url) => url.pathname.startsWith("/reseller"));
    await third.page.goto("/settings/profile");
    await third.page.getByText("Recovery codes left: 9 of 10.").waitFor();
    await third.context.close();

    const fourth = await app.newPage();
    await passwordStep(fourth.page, CHLOE);
    await fourth.page.getByLabel("Authentication code").fill(recovery);
    await fourth.page.getByRole("button", { name: "Verify" }).click();
    await fourth.page.getByText("That recovery code is not correct or was already used.").waitFor();
    await fourth.context.close();
  });

  it("an Owner sets the logo and accent colour on Branding; the logo is served from the app", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/settings/branding");
    await page.getByRole("heading", { name: "Branding" }).waitFor();
    await snap(page, "branding");
    await page.getByLabel("Logo", { exact: true }).setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png(96, 32) });
    await page.getByLabel("Accent colour", { exact: true }).fill("#0a7d48");
    await page.getByRole("button", { name: "Save" }).click();
    const logo = page.getByRole("img", { name: "Current logo" });
    await logo.waitFor();
    const src = await logo.getAttribute("src");
    const res = await page.request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    await snap(page, "branding-saved");

    // An SVG (script-capable) is refused.
    await page
      .getByLabel("Logo")
      .setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Upload a PNG, JPEG or WebP image").first().waitFor();
    await context.close();
  });
});

/** A small solid PNG made here (no fixture file). */
function png(width: number, height: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rows.fill(0x2a, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
