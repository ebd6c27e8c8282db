import type { Page } from "playwright-core";

/** What has the keyboard focus: its tag and its accessible name as a person would hear it (label, text or aria-label). */
export function focused(page: Page): Promise<{ tag: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: "", name: "" };
    const labelled =
      el.getAttribute("aria-label") ??
      (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
      el.closest("label")?.textContent;
    return { tag: el.tagName.toLowerCase(), name: (labelled ?? el.textContent ?? "").replace(/\s+/g, " ").trim() };
  });
}

/** Presses Tab until the focused element's name matches (at most `max` presses): proves it is reachable by keyboard. */
export async function tabTo(page: Page, name: RegExp, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (name.test((await focused(page)).name)) return;
  }
  throw new Error(`Tab never reached ${name} (last: ${JSON.stringify(await focused(page))})`);
}
