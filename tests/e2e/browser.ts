import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { assertAccessible } from "./axe";

export const DEMO_EMAIL = "admin@northwind.test";
export const DEMO_PASSWORD = "northwind-demo-password";

/** The desktop size the journeys run at; snap() also looks at every state on a phone. */
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Contexts with scripts off: snap() checks a script-free copy of their pages, since axe is a script. */
const noScript = new WeakSet<BrowserContext>();

/** One Chromium per journey file (Debian's, not a downloaded build). */
export function setupBrowser() {
  const state = {} as { browser: Browser; baseUrl: string };
  beforeAll(async () => {
    state.baseUrl = inject("baseUrl");
    state.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
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
      const context = await state.browser.newContext({
        baseURL: state.baseUrl,
        viewport: DESKTOP,
        permissions: ["clipboard-read", "clipboard-write"],
        ...options,
      });
      if (options.javaScriptEnabled === false) noScript.add(context);
      const page = await context.newPage();
      if (options.javaScriptEnabled !== false) revealOnNavigation(page);
      return { context, page };
    },
  };
}

/**
 * A list page streams its rows behind its loading skeleton (app/(portal)/partners/contracts/(list)/loading.tsx),
 * and React reveals streamed Suspense content in batches: up to 300 ms after the document's load event, the
 * rows can still sit in a hidden segment with the skeleton shown (react-dom's `$RC` defers `$RV`). A check
 * that does not wait, such as `count()` or `isVisible()`, would then read the skeleton: "0 rows" passes
 * wrongly or "1 row" fails now and then (the wizard journey in CI). So goto, goBack and reload return once
 * no boundary is still pending, as a person sees the page.
 */
function revealOnNavigation(page: Page): void {
  // React marks a boundary still pending with `<template id="B:…">`; revealing it removes the template.
  const settle = async <T>(navigation: Promise<T>): Promise<T> => {
    const response = await navigation;
    await page.waitForFunction(() => document.querySelector('template[id^="B:"]') === null);
    return response;
  };
  const goto = page.goto.bind(page);
  const goBack = page.goBack.bind(page);
  const reload = page.reload.bind(page);
  page.goto = (url, options) => settle(goto(url, options));
  page.goBack = (options) => settle(goBack(options));
  page.reload = (options) => settle(reload(options));
}

export async function signIn(page: Page, email = DEMO_EMAIL, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => /^\/(partners|reseller)/.test(url.pathname));
}

/**
 * A page state a person should look at: screenshots in tests/e2e/artifacts at 1366 px (light and dark)
 * and at 390 px, each checked with axe-core (no serious or critical WCAG 2.2 AA violation). On the
 * phone nothing may scroll sideways. The page is left as it was found (desktop, light).
 */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync("tests/e2e/artifacts", { recursive: true });
  const size = page.viewportSize() ?? DESKTOP;
  // A client navigation that just ended may still be writing the new <title>: check the page once it is settled.
  await page.waitForLoadState("load");
  if (!noScript.has(page.context())) await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 });
  // With scripts off the page itself cannot run axe: check the same HTML and styles, without scripts, in a page that can.
  const checked = noScript.has(page.context()) ? await scriptFreeCopy(page) : page;
  const pages = checked === page ? [page] : [page, checked];
  // From the top: a full-page capture of a scrolled page draws the sticky sidebar halfway down.
  const shoot = async (suffix: string) => {
    if (checked === page) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `tests/e2e/artifacts/${name}${suffix}.png`, fullPage: true, animations: "disabled" });
  };
  const scheme = (colorScheme: "light" | "dark") => Promise.all(pages.map((p) => p.emulateMedia({ colorScheme })));
  try {
    await shoot("");
    await assertAccessible(checked, `${name} (1366 px, light)`);
    await scheme("dark");
    await shoot("-dark");
    await assertAccessible(checked, `${name} (1366 px, dark)`);
    await scheme("light");
    await Promise.all(pages.map((p) => p.setViewportSize(PHONE)));
    await shoot("-390");
    await assertAccessible(checked, `${name} (390 px)`);
    const overflow = await checked.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) throw new Error(`${name}: at 390 px the page scrolls sideways by ${overflow} px`);
  } finally {
    if (checked !== page) await checked.context().close();
    await page.emulateMedia({ colorScheme: "light" });
    await page.setViewportSize(size);
  }
}

async function scriptFreeCopy(page: Page): Promise<Page> {
  const origin = new URL(page.url()).origin;
  const html = (await page.content())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<head>/i, `<head><base href="${origin}/">`);
  // No colour transitions: axe would read a colour halfway between the light and the dark scheme.
  const still = "<style>*,*::before,*::after{transition:none!important;animation:none!important}</style>";
  const context = await page
    .context()
    .browser()!
    .newContext({ viewport: page.viewportSize() ?? DESKTOP });
  const copy = await context.newPage();
  await copy.setContent(html.replace(/<\/head>/i, `${still}</head>`), { waitUntil: "load" });
  return copy;
}
