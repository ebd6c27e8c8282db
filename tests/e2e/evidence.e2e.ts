import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setupBrowser, signIn, snap } from "./browser";

// Issue 20: the issuer downloads a certificate of acceptance from the Versions tab, anybody verifies it on the
// public Verify page (with and without JavaScript), a changed byte is caught, and History says the chain holds.

const app = setupBrowser();
const AGREEMENT = "Northwind Reseller Service Agreement";
const work = mkdtempSync(path.join(tmpdir(), "scp-evidence-e2e-"));

async function createAndActivate(page: Page, partner: Page): Promise<string> {
  await page.goto("/partners/contracts/new");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel(new RegExp(AGREEMENT)).check();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Note to signee").fill("Evidence journey.");
  await page.getByRole("button", { name: "Create" }).click();
  await page.getByText("Service contract created").waitFor();
  const id = (await page.getByTestId("summary-contract-id").innerText()).trim();
  const link = await page.getByLabel("Activation link").inputValue();
  await partner.goto(link);
  await partner.getByLabel("Email").fill(`evidence-${Date.now()}@example.test`);
  await partner.getByText("I have read and accepted the agreement").click();
  await partner.getByRole("button", { name: "Next" }).click();
  await partner.getByLabel("Full name").fill("Eve Evidence");
  await partner.getByLabel("Password").fill("seven quiet lanterns over harbour");
  await partner.getByRole("button", { name: "Next" }).click();
  await partner.getByLabel("Company name").fill(`Evidence Resellers ${Date.now()} LLC`);
  await partner.getByRole("button", { name: "Next" }).click();
  await partner.getByRole("button", { name: "Activate", exact: true }).click();
  await partner.waitForURL(/\/reseller/);
  return id;
}

async function download(page: Page, name: RegExp): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).first().click()]);
  const target = path.join(work, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

async function verifyOnPage(page: Page, file: string) {
  await page.goto("/verify");
  await page.getByLabel(/Drop a certificate here/).setInputFiles(file);
  await page.getByRole("button", { name: "Verify" }).click();
}

describe("Signing evidence", () => {
  it("downloads a certificate from the Versions tab and verifies it on the Verify page; a changed byte is caught", async () => {
    const staff = await app.newPage();
    const partner = await app.newPage();
    await signIn(staff.page);
    const id = await createAndActivate(staff.page, partner.page);

    await staff.page.goto(`/partners/contracts/${id}?tab=versions`);
    await staff.page.getByRole("table", { name: "Signed versions" }).waitFor();
    await snap(staff.page, "evidence-versions-tab");
    const pdf = await download(staff.page, /^PDF certificate of acceptance of version/);
    const json = await download(staff.page, /^JSON certificate of acceptance of version/);
    expect(path.basename(pdf)).toMatch(new RegExp(`^certificate-${id}-v\\d+\\.pdf$`));

    // The PDF renders: its first page as a PNG, its text with the contract and the code.
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", pdf, path.join(work, "page")]);
    expect(readFileSync(path.join(work, "page-1.png")).subarray(1, 4).toString()).toBe("PNG");
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
    expect(text).toContain("Certificate of acceptance");
    expect(text).toContain(id);
    const code = /Verification code: ([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})/.exec(text)![1];

    // The reseller's users download it from their own contract page too.
    await partner.page.goto(`/reseller/contracts/${id}?tab=versions`);
    const own = await download(partner.page, /^JSON certificate of acceptance of version/);
    expect(JSON.parse(readFileSync(own, "utf8"))).toEqual(JSON.parse(readFileSync(json, "utf8")));

    // History: the chain line.
    await staff.page.goto(`/partners/contracts/${id}?tab=history`);
    await staff.page.getByText(/^History verified: \d+ events, chain intact\.$/).waitFor();
    await snap(staff.page, "evidence-history-tab");

    // Anybody, signed out: the Verify page with the public key, the PDF and the JSON valid.
    const visitor = await app.newPage();
    await visitor.page.goto(`/verify?c=${code}`);
    await visitor.page.getByText(`Certificate ${code} is on record.`).waitFor();
    const key = await (await fetch(`${app.baseUrl}/.well-known/scp-evidence-key`)).json();
    expect((await visitor.page.getByTestId("public-key").innerText()).trim()).toBe(key.current.publicKey);
    await verifyOnPage(visitor.page, pdf);
    await visitor.page.getByText(/Valid: this PDF is signed by this deployment's key/).waitFor();
    await visitor.page.getByText("It matches what the database holds for this certificate.").waitFor();
    await snap(visitor.page, "evidence-verify-valid");
    await verifyOnPage(visitor.page, json);
    await visitor.page.getByText(/Valid: this JSON/).waitFor();

    // One byte of the JSON changed: altered, naming the field.
    const original = readFileSync(json, "utf8");
    const at = original.indexOf('"versionNumber": ') + '"versionNumber": '.length;
    const altered = path.join(work, "altered.json");
    writeFileSync(altered, original.slice(0, at) + "9" + original.slice(at + 1));
    await verifyOnPage(visitor.page, altered);
    await visitor.page.getByText(/Altered: this JSON was changed after it was signed/).waitFor();
    await visitor.page.getByRole("listitem").filter({ hasText: "versionNumber" }).waitFor();
    await snap(visitor.page, "evidence-verify-altered");

    // Without JavaScript the form still posts the file and answers.
    const plain = await app.newPage({ javaScriptEnabled: false });
    await verifyOnPage(plain.page, pdf);
    await plain.page.getByText(/Valid: this PDF/).waitFor();

    // Another distributor's staff and strangers get 404 for the download.
    const certificateUrl = `/partners/contracts/${id}/certificates/${code.replaceAll("-", "")}.json`;
    expect((await staff.page.request.get(certificateUrl)).status()).toBe(200);
    expect((await partner.page.request.get(certificateUrl)).status()).toBe(404);
  });
});
