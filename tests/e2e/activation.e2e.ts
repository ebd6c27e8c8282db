import { describe, expect, it } from "vitest";
import { issueContract, stepTitle } from "./activation-helpers";
import { setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();
const PASSWORD = "my reseller passphrase is long";
const email = `rita.${Date.now()}@resale.test`;

describe("public activation flow", () => {
  const links: string[] = [];

  it("a new reseller reviews, creates their user and company, activates and lands in the Reseller Portal", async () => {
    const staff = await app.newPage();
    await signIn(staff.page);
    for (let i = 0; i < 3; i++) links.push(await issueContract(staff.page, { test: i === 0 }));
    await staff.context.close();

    const { page, context } = await app.newPage();
    const res = await page.goto(links[0]);
    expect(res?.headers()["referrer-policy"]).toBe("same-origin");
    expect(res?.headers()["cache-control"]).toContain("no-store");
    expect(res?.headers()["x-robots-tag"]).toBe("noindex");
    await page.getByRole("heading", { name: "Contract activation" }).waitFor();
    await stepTitle(page, "1. Review the contract");
    const stepper = page.getByRole("list", { name: "Activation steps" });
    expect((await stepper.innerText()).replace(/\s+/g, " ")).toMatch(
      /Review the contract.*Configure the user properties.*Configure the company properties.*Activate the contract/,
    );
    expect(await page.getByText(/TEST contract/).isVisible()).toBe(true);
    expect(await page.getByText("Welcome aboard, please activate by Friday.").isVisible()).toBe(true);
    expect(await page.getByText("Can create and manage program agreements").first().isVisible()).toBe(true);
    await snap(page, "activation-1-review");

    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Enter your email.").waitFor();
    await page.getByText("Check I have read and accepted the agreement to continue.").waitFor();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("I have read and accepted the agreement").check();
    await page.getByRole("button", { name: "Next" }).click();

    await stepTitle(page, "2. Configure the user properties");
    expect(await page.getByText(/At least 15 characters/).isVisible()).toBe(true);
    await page.getByLabel("Full name").fill("Rita Reseller");
    await page.getByLabel("Password").fill("too short");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Use at least 15 characters.").waitFor();
    expect(await page.getByLabel("Full name").inputValue()).toBe("Rita Reseller");
    await snap(page, "activation-2-user-error");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Next" }).click();

    await stepTitle(page, "3. Configure the company properties");
    expect(await page.getByText("A legal entity name including its type, such as Inc., LLC, GmbH.").isVisible()).toBe(true);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText(/Enter your company name/).waitFor();
    await page.getByLabel("Company name").fill("Rita Resale LLC");
    await snap(page, "activation-3-company");
    await page.getByRole("button", { name: "Next" }).click();

    await stepTitle(page, "4. Activate the contract");
    const summary = await page.locator("dl").last().innerText();
    expect(summary).toContain("Rita Resale LLC (new company)");
    expect(summary).toContain("Northwind Distribution Inc.");
    expect(summary).toMatch(/CRS-\d{5}-\d{5}-\d{5}/);
    await snap(page, "activation-4-activate");
    await page.getByRole("button", { name: "Activate" }).click();

    await page.waitForURL(/\/reseller\?activated=CRS-/);
    await page.getByText(/Your contract CRS-\d{5}-\d{5}-\d{5} is active\./).waitFor();
    expect(await page.getByRole("heading", { name: "Rita Resale LLC" }).isVisible()).toBe(true);
    await snap(page, "activation-5-reseller-portal");
    for (const c of await context.cookies()) expect(c.value).not.toContain(PASSWORD);

    // The used link now says so, with a way to sign in.
    await page.goto(links[0]);
    await page.getByRole("heading", { name: "This contract is already active" }).waitFor();
    await context.close();
  });

  it("an existing user signs with their account, for one of their companies", async () => {
    const { page, context } = await app.newPage();
    await page.goto(links[1]);
    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("I have read and accepted the agreement").check();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("already exists").waitFor();
    expect(await page.getByRole("button", { name: "Use a different email" }).isVisible()).toBe(true);
    await page.getByLabel("Password").fill("not my password at all");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByText("Incorrect password for this email.").waitFor();
    await snap(page, "activation-existing-user");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Next" }).click();
    await stepTitle(page, "3. Configure the company properties");
    expect(await page.getByLabel(/Rita Resale LLC/).isChecked()).toBe(true);
    await snap(page, "activation-existing-company");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Activate" }).click();
    await page.waitForURL(/\/reseller\?activated=CRS-/);
    await page.getByText(/is active\./).waitFor();
    await context.close();
  });

  it("someone signed in as another user is told so; a rejection closes the link; an unknown link is not valid", async () => {
    const { page, context } = await app.newPage();
    await signIn(page);
    await page.goto(links[2]);
    await page.getByText(/You are signed in as/).waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe("admin@northwind.test");
    await snap(page, "activation-signed-in-as");
    await page.getByRole("button", { name: "Sign out to use another account" }).click();
    await page.getByText(/You are signed in as/).waitFor({ state: "detached" });
    expect(page.url()).toBe(links[2]);
    expect(await page.getByLabel("Email").inputValue()).toBe("");
    expect((await page.context().cookies()).some((c) => c.name.includes("authjs.session-token"))).toBe(false);

    await page.getByRole("button", { name: "Reject" }).click();
    await page.getByRole("button", { name: "Reject contract" }).click();
    await page.getByText("Give a reason for rejecting the contract.").waitFor();
    await page.getByLabel("Reason").fill("We already work with another distributor.");
    await page.getByRole("button", { name: "Reject contract" }).click();
    await page.getByRole("heading", { name: "This contract was rejected" }).waitFor();
    await snap(page, "activation-rejected");

    await page.goto(`/activate/${"A".repeat(43)}`);
    await page
      .getByText("This activation link is not valid. It may have been replaced by a newer link. Ask your distributor for a new one.")
      .waitFor();
    await page.goto("/activate/not-a-token");
    await page.getByRole("heading", { name: "This link is not valid" }).waitFor();
    await snap(page, "activation-invalid");
    await context.close();
  });
});
