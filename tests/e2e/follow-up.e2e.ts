import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { issueContract } from "./activation-helpers";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();
const TAG = Date.now().toString(36);
const SIGNEE = `follow-${TAG}@reseller.test`;
const DAY = 86_400_000;

/** Moves the server's application clock (POST /dev/clock, on only in journeys) and runs its scheduled jobs. */
async function moveClock(page: Page, offsetMs: number) {
  const res = await page.request.post("/dev/clock", { data: { offsetMs }, headers: { origin: app.baseUrl } });
  expect(res.status()).toBe(200);
}

/** Reloads the mailbox until the row with all these words shows Delivered. */
async function waitForMail(page: Page, ...words: string[]) {
  await page.goto("/dev/mailbox");
  let row = page.getByRole("row");
  for (const w of words) row = row.filter({ hasText: w });
  await expect
    .poll(
      async () => {
        await page.reload();
        return row.first().getByText("Delivered").isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return row.first();
}

afterAll(async () => {
  // The server is shared with the other journeys: give it its real clock back, even after a failure.
  const { page, context } = await app.newPage();
  await signIn(page);
  await moveClock(page, 0);
  await context.close();
});

describe("an invitation that follows itself up", () => {
  it("reminds the signee days later with a live link, records the open, and Extend expiry moves the link's date", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await issueContract(page, { signeeEmail: SIGNEE });
    await page.goto(`/partners/contracts?q=${encodeURIComponent(SIGNEE)}`);
    const publicId = (await page.getByRole("link", { name: /^CRS-/ }).first().innerText()).trim();
    await waitForMail(page, SIGNEE, "invites you"); // the invitation itself

    // Three days and an hour later the first reminder goes out (the account's default policy: 3 / 4 / 3).
    await moveClock(page, 3 * DAY + 3_600_000);
    const reminder = await waitForMail(page, SIGNEE, "Reminder 1");
    await snap(page, "follow-up-mailbox-reminder");
    await reminder.getByRole("link", { name: /Reminder 1/ }).click();
    await page.getByRole("heading", { name: /^Reminder 1: / }).waitFor();
    const href = await page
      .getByRole("link", { name: /\/activate\// })
      .first()
      .getAttribute("href");
    expect(href).toMatch(/\/activate\/[A-Za-z0-9_-]{43}$/);
    // The reminder really left over SMTP: the SMTP server received it for the signee, with this live link.
    const token = href!.split("/activate/")[1];
    const arrived = readFileSync(inject("smtpLog"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { to: string[]; subject: string; text: string })
      .filter((m) => m.to.includes(SIGNEE) && /Reminder 1/.test(m.subject));
    expect(arrived).toHaveLength(1);
    expect(arrived[0].text).toContain(token);

    // The signee opens it in their own browser: the link is live, and the page tells the server it was seen.
    const signee = await app.newPage();
    const seen = signee.page.waitForResponse((r) => r.url().endsWith("/activate/opened"), { timeout: 30_000 });
    await signee.page.goto(href!);
    await signee.page.getByText("Northwind Reseller Service Agreement").first().waitFor();
    expect((await seen).status()).toBe(204); // the page's beacon reached the server before the signee closed it
    await signee.context.close();

    await page.goto(`/partners/contracts/${publicId}`);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByText(/^Opened once: first/).isVisible();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await snap(page, "follow-up-details-opened");

    // Extend expiry: a dialog with a later day; History keeps the old and the new date.
    await page.getByRole("button", { name: "Extend expiry" }).click();
    const dialog = page.getByRole("dialog", { name: "Extend expiry" });
    await dialog.getByLabel("New expiration date").waitFor();
    await snap(page, "follow-up-extend-dialog");
    await dialog.getByRole("button", { name: "Extend expiry" }).click();
    await page.getByText(/^The link now expires on /).waitFor();
    await page.goto(`/partners/contracts/${publicId}?tab=history`);
    await page.getByText(/^Link expiry extended from .+ to .+/).waitFor();
    expect(await page.getByText(`Reminder email delivered to ${SIGNEE}`).isVisible()).toBe(true);
    expect(await page.getByText(/^Activation link opened for the first time/).isVisible()).toBe(true);
    await snap(page, "follow-up-history");
    await moveClock(page, 0);
    await context.close();
  });

  it("invites 20 partners from a CSV with 3 bad rows: the 3 are explained, 17 contracts are made, and the export downloads them", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    const lines = ["signee email,company name,note to signee,kind,program,delegate"];
    for (let i = 1; i <= 20; i++) {
      const email = i === 3 ? "not an email" : `bulk-${TAG}-${i}@reseller.test`;
      const kind = i === 11 ? "staging" : "test";
      const note = i === 18 ? "" : `"Welcome, partner ${i}"`;
      lines.push(`${email},Bulk Partner ${i} LLC,${note},${kind},no,no`);
    }
    await page.goto("/partners/contracts");
    await page.getByRole("link", { name: "Invite in bulk" }).click();
    await page.getByRole("heading", { name: "Invite in bulk" }).waitFor();
    await page.getByLabel("CSV file").setInputFiles({ name: "partners.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await page.getByRole("heading", { name: "partners.csv: 20 rows, 17 ready, 3 with problems" }).waitFor();
    expect(await page.getByText("Signee email: Enter a valid email address.").isVisible()).toBe(true);
    expect(await page.getByText("Kind: write test or production.").isVisible()).toBe(true);
    expect(await page.getByText("Note to signee: Leave a note to signee.").isVisible()).toBe(true);
    await snap(page, "follow-up-bulk-checked");

    await page.getByRole("button", { name: "Create 17 contracts" }).click();
    await page.getByRole("heading", { name: "Done: 17 contracts created, 3 rows not created" }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole("link", { name: /^CRS-/ }).count()).toBe(17);
    await snap(page, "follow-up-bulk-done");

    // The Contracts list searched for this upload, exported with its search.
    await page.goto(`/partners/contracts?q=${encodeURIComponent(`bulk-${TAG}`)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^contracts-[A-Z0-9-]+-\d{4}-\d\d-\d\d\.csv$/);
    const rows: string[][] = parse(readFileSync((await download.path())!), { bom: true });
    expect(rows[0].slice(0, 3)).toEqual(["Contract ID", "Agreement", "Agreement ID"]);
    expect(rows).toHaveLength(18);
    expect(new Set(rows.slice(1).map((r) => r[8]))).toEqual(
      new Set(
        Array.from({ length: 20 }, (_, i) => i + 1)
          .filter((i) => ![3, 11, 18].includes(i))
          .map((i) => `bulk-${TAG}-${i}@reseller.test`),
      ),
    );

    await page.goto("/partners/contracts/funnel?period=7");
    await page.getByRole("heading", { name: /^Last 7 days: \d+ contracts created$/ }).waitFor();
    await snap(page, "follow-up-funnel");
    await context.close();
  });

  it("Settings → Reminders shows the policy to the account's owner", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto("/settings/reminders");
    expect(await page.getByLabel("First reminder after (days)").inputValue()).toBe("3");
    expect(await page.getByLabel("Then every (days)").inputValue()).toBe("4");
    expect(await page.getByLabel("At most (reminders)").inputValue()).toBe("3");
    await snap(page, "follow-up-settings-reminders");
    await context.close();
  });
});
