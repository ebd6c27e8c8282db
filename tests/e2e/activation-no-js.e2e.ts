import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { issueContract, stepTitle } from "./activation-helpers";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();
const PASSWORD = "no script needed for this passphrase";
const stamp = Date.now();
const email = `nora.${stamp}@noscript.test`;

const next = (page: Page) => page.getByRole("button", { name: "Next" }).click();

async function progressCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "scp_activation");
}

/** Every form here is posted by the browser itself: scripts are off in the reseller's browser. */
describe("activation with JavaScript disabled", () => {
  const links: string[] = [];

  it("a new reseller goes through all four steps, with Back, reload and refused answers, to the Reseller Portal", async () => {
    const staff = await app.newPage();
    await signIn(staff.page);
    links.push(await issueContract(staff.page, { signeeEmail: email }));
    links.push(await issueContract(staff.page));
    links.push(await issueContract(staff.page));
    await staff.context.close();

    const { page, context } = await app.newPage({ javaScriptEnabled: false });
    const token = links[0].split("/activate/")[1];
    await page.goto(links[0]);
    await stepTitle(page, "1. Review the contract");
    expect(await page.getByLabel("Email").inputValue()).toBe(email); // the address the link was sent to
    await next(page);
    await page.getByText("Check I have read and accepted the agreement to continue.").waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe(email);
    await page.getByLabel("I have read and accepted the agreement").check();
    await next(page);

    await stepTitle(page, "2. Configure the user properties");
    expect(page.url()).toBe(`${links[0]}?step=user`);
    const cookie = await progressCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: `/activate/${token}` });
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThan(31 * 60 * 1000);
    await page.getByLabel("Full name").fill("Nora Noscript");
    await page.getByLabel("Password").fill("too short");
    await next(page);
    await page.getByText("Use at least 15 characters.").waitFor();
    expect(await page.getByLabel("Full name").inputValue()).toBe("Nora Noscript");
    expect(await page.getByLabel("Password").inputValue()).toBe(""); // never sent back
    await page.getByLabel("Password").fill(PASSWORD);
    await next(page);

    await stepTitle(page, "3. Configure the company properties");
    for (const c of await context.cookies()) expect(c.value).not.toContain(PASSWORD);
    await page.reload();
    await stepTitle(page, "3. Configure the company properties");
    await page.getByRole("button", { name: "Back" }).click();
    await stepTitle(page, "2. Configure the user properties");
    expect(await page.getByLabel("Full name").inputValue()).toBe("Nora Noscript");
    await page.getByText("You already chose a password: leave this empty to keep it.").waitFor();
    await next(page);

    await stepTitle(page, "3. Configure the company properties");
    await next(page);
    await page.getByText(/Enter your company name/).waitFor();
    await page.getByLabel("Company name").fill("Nora Noscript GmbH");
    await snap(page, "activation-no-js-3-company");
    await next(page);

    await stepTitle(page, "4. Activate the contract");
    const summary = await page.locator("dl").last().innerText();
    expect(summary).toContain("Nora Noscript GmbH (new company)");
    expect(summary).toContain(`Nora Noscript (${email})`);
    await page.getByRole("button", { name: "Activate" }).click();

    await page.waitForURL(/\/reseller\?activated=CRS-/);
    await page.getByText(/Your contract CRS-\d{5}-\d{5}-\d{5} is active\./).waitFor();
    expect(await page.getByRole("heading", { name: "Nora Noscript GmbH" }).isVisible()).toBe(true);
    await snap(page, "activation-no-js-5-portal");
    expect(await progressCookie(context)).toBeUndefined();
    for (const c of await context.cookies()) expect(c.value).not.toContain(PASSWORD);
    await page.goto(links[0]);
    await page.getByRole("heading", { name: "This contract is already active" }).waitFor();
    await context.close();
  });

  it("an existing user signs with their password and company; another link is rejected", async () => {
    const { page, context } = await app.newPage({ javaScriptEnabled: false });
    await page.goto(links[1]);
    expect(await page.getByLabel("Email").inputValue()).toBe("");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("I have read and accepted the agreement").check();
    await next(page);
    await page.getByText("already exists").waitFor();
    await page.getByLabel("Password").fill("not my password at all");
    await next(page);
    await page.getByText("Incorrect password for this email.").waitFor();
    await page.getByLabel("Password").fill(PASSWORD);
    await next(page);
    await stepTitle(page, "3. Configure the company properties");
    expect(await page.getByLabel(/Nora Noscript GmbH/).isChecked()).toBe(true);
    await next(page);
    await stepTitle(page, "4. Activate the contract");
    await page.getByRole("button", { name: "Activate" }).click();
    await page.waitForURL(/\/reseller\?activated=CRS-/);
    await page.getByText(/is active\./).waitFor();
    await context.close();

    const visitor = await app.newPage({ javaScriptEnabled: false });
    await visitor.page.goto(links[2]);
    await visitor.page.getByRole("button", { name: "Reject" }).click();
    await stepTitle(visitor.page, "Reject the contract");
    await visitor.page.getByRole("button", { name: "Reject contract" }).click();
    await visitor.page.getByText("Give a reason for rejecting the contract.").waitFor();
    await visitor.page.getByLabel("Reason").fill("We already work with another distributor.");
    await visitor.page.getByRole("button", { name: "Reject contract" }).click();
    await visitor.page.getByRole("heading", { name: "This contract was rejected" }).waitFor();
    await visitor.context.close();
  });
});
