import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";

export const DEMO_EMAIL = "admin@northwind.test";
export const DEMO_PASSWORD = "northwind-demo-password";

/** One Chromium per journey file (Debian's, not a downloaded build). */
export function setupBrowser() {
  const state = {} as { browser: Browser; baseUrl: string };
  beforeAll(async () => {
    state.baseUrl = inject("baseUrl");
    state.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await state.browser?.close();
  });
  return {
    get baseUrl() {
      return state.baseUrl;
    },
    /** A fresh context (its own cookies); options such as `javaScriptEnabled: false` go to Playwright. */
    async newPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
      const context = await state.browser.newContext({ baseURL: state.baseUrl, permissions: ["clipboard-read", "clipboard-write"], ...options });
      const page = await context.newPage();
      return { context, page };
    },
  };
}

export async function signIn(page: Page, email = DEMO_EMAIL, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => /^\/(partners|reseller)/.test(url.pathname));
}

/** Screenshots land in tests/e2e/artifacts for a person to look at. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync("tests/e2e/artifacts", { recursive: true });
  await page.screenshot({ path: `tests/e2e/artifacts/${name}.png`, fullPage: true });
}
