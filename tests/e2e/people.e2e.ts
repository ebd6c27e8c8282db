import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, setupBrowser, signIn, snap } from "./browser";

const app = setupBrowser();
const stamp = Date.now();
const COLLEAGUE = `colleague-${stamp}@northwind.test`;
const VIEWER = `viewer-${stamp}@northwind.test`;
const CRAFTED = `crafted-${stamp}@northwind.test`;
const PASSWORD = "juniper lantern drifts over quiet harbors";

/** Invite user from Settings → Users, as the signed-in Owner. */
async function inviteFromSettings(page: Page, email: string, role: string) {
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite user" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption({ label: role });
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await page.getByText(`Invitation sent to ${email}.`).waitFor();
  await page.getByRole("row").filter({ hasText: email }).getByText("Invited", { exact: true }).waitFor();
}

/** The /join link from the invitation email in the development mailbox, once it is delivered. */
async function joinLinkFromMailbox(page: Page, email: string): Promise<string> {
  await page.goto("/dev/mailbox");
  const row = page.getByRole("row").filter({ hasText: email });
  await expect
    .poll(
      async () => {
        await page.reload();
        return row.getByText("Delivered").isVisible();
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await row.getByRole("link").first().click();
  const href = await page.locator('a[href*="/join/"]').first().getAttribute("href");
  expect(href).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  return href!;
}

/** A new person accepts: name and password, then lands in the account's portal. */
async function signUpFromLink(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByRole("heading", { name: "Join Northwind Distribution Inc." }).waitFor();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create user and join" }).click();
  await page.waitForURL((url) => url.pathname.startsWith("/partners"));
}

describe("People: invite a colleague who signs up and works; a Read-only user changes nothing", () => {
  it("the Owner invites; the colleague joins from the emailed link and creates an agreement as Member", async () => {
    const owner = await app.newPage();
    await signIn(owner.page);
    await owner.page.goto("/settings/users");
    await owner.page.getByRole("heading", { name: "Users" }).waitFor();
    expect(await owner.page.getByRole("link", { name: "Security events" }).isVisible()).toBe(true);
    await inviteFromSettings(owner.page, COLLEAGUE, "Member");
    await snap(owner.page, "people-users-invited");

    const link = await joinLinkFromMailbox(owner.page, COLLEAGUE);

    // Opening the link is harmless (a scanner changes nothing): the page asks, only its form acts.
    const colleague = await app.newPage();
    const opened = await colleague.page.goto(link);
    expect(opened?.status()).toBe(200);
    await colleague.page.getByText(COLLEAGUE).first().waitFor();
    await snap(colleague.page, "people-join-new-user");
    // A weak password is refused next to the field.
    await colleague.page.getByLabel("Full name").fill("Colin Colleague");
    await colleague.page.getByLabel("Password").fill("password12345678");
    await colleague.page.getByRole("button", { name: "Create user and join" }).click();
    await colleague.page
      .getByText(/too common or too easy to guess/)
      .first()
      .waitFor();
    await signUpFromLink(colleague.page, link, "Colin Colleague");

    // The colleague works: as a Member they create an agreement.
    await colleague.page.goto("/partners/agreements/new");
    const name = `Colleague Terms ${stamp}`;
    await colleague.page.getByLabel("Name").fill(name);
    await colleague.page.getByLabel("Description").fill("Made by an invited colleague.");
    await colleague.page.getByLabel("Version 1").fill("# Colleague terms\n\nText.");
    await colleague.page.getByRole("button", { name: "Create", exact: true }).click();
    await colleague.page.getByRole("heading", { name, level: 1 }).waitFor();
    // A Member does not manage users.
    await colleague.page.goto("/settings");
    expect(await colleague.page.getByRole("link", { name: "Users" }).count()).toBe(0);
    const refused = await colleague.page.goto("/settings/users");
    expect(refused?.status()).toBe(404);

    // The used link has its own page and a 410 status.
    const used = await colleague.page.goto(link);
    expect(used?.status()).toBe(410);
    await colleague.page.getByRole("heading", { name: "This invitation was already accepted" }).waitFor();
    await snap(colleague.page, "people-join-used");
    await colleague.context.close();

    // The Owner sees the colleague Active with a last sign-in, and the events.
    await owner.page.goto("/settings/users");
    const row = owner.page.getByRole("row").filter({ hasText: COLLEAGUE });
    await row.getByText("Active", { exact: true }).waitFor();
    expect(await row.getByText("Member", { exact: true }).isVisible()).toBe(true);

    // Change role: the colleague becomes Admin; the Owner cannot demote themselves while the only Owner.
    await row.getByRole("button", { name: "Actions for Colin Colleague" }).click();
    await owner.page.getByRole("menuitem", { name: "Change role" }).click();
    const roleDialog = owner.page.getByRole("dialog", { name: "Change the role of Colin Colleague" });
    await roleDialog.getByLabel(/^Admin/).check();
    await roleDialog.getByRole("button", { name: "Save role" }).click();
    await owner.page.getByText("Colin Colleague is now Admin.").waitFor();
    await row.getByText("Admin", { exact: true }).waitFor();
    await owner.page.getByRole("button", { name: "Actions for Nora Admin" }).click();
    await owner.page.getByRole("menuitem", { name: "Change role" }).click();
    const selfDialog = owner.page.getByRole("dialog", { name: "Change the role of Nora Admin" });
    await selfDialog.getByLabel(/^Member/).check();
    await selfDialog.getByRole("button", { name: "Save role" }).click();
    await selfDialog.getByText("An account needs at least one Owner. Make someone else an Owner first.").waitFor();
    await snap(owner.page, "people-last-owner-refused");
    await selfDialog.getByRole("button", { name: "Cancel" }).click();

    // Resend replaces the link; Revoke closes it (its page then answers 410).
    const spare = `spare-${stamp}@northwind.test`;
    await inviteFromSettings(owner.page, spare, "Read-only");
    const spareRow = owner.page.getByRole("row").filter({ hasText: spare });
    await spareRow.getByRole("button", { name: `Actions for ${spare}` }).click();
    await owner.page.getByRole("menuitem", { name: "Resend" }).click();
    await owner.page.getByRole("alertdialog").getByRole("button", { name: "Resend invitation" }).click();
    await owner.page.getByText(`Invitation sent again to ${spare}.`).waitFor();
    await spareRow.getByRole("button", { name: `Actions for ${spare}` }).click();
    await owner.page.getByRole("menuitem", { name: "Revoke" }).click();
    await owner.page.getByRole("alertdialog").getByRole("button", { name: "Revoke invitation" }).click();
    await owner.page.getByText(`Invitation to ${spare} revoked.`).waitFor();
    await expect.poll(() => owner.page.getByRole("row").filter({ hasText: spare }).count()).toBe(0);

    await owner.page.goto("/settings/security-events");
    await owner.page.getByRole("cell", { name: "User joined" }).first().waitFor();
    expect(await owner.page.getByRole("cell", { name: "User invited" }).first().isVisible()).toBe(true);
    await snap(owner.page, "people-security-events");
    await owner.context.close();
  });

  it("a Read-only user sees pages without change buttons, and a crafted action call is refused", async () => {
    const owner = await app.newPage();
    await signIn(owner.page);
    await owner.page.goto("/settings/users");
    await inviteFromSettings(owner.page, VIEWER, "Read-only");
    const link = await joinLinkFromMailbox(owner.page, VIEWER);

    const viewer = await app.newPage();
    await signUpFromLink(viewer.page, link, "Vera Viewer");
    const p = viewer.page;
    await p.goto("/partners/contracts");
    await p.getByRole("heading", { name: "Contracts" }).waitFor();
    await p.getByText("Your role is Read-only: you can see this account but not change it.").waitFor();
    expect(await p.getByRole("link", { name: "Create Contract" }).count()).toBe(0);
    await snap(p, "people-readonly-contracts");
    // A pending contract's page: no Email link, Regenerate link, note editing or "More actions".
    await p.goto("/partners/contracts?status=pending");
    await p.locator('a[href^="/partners/contracts/CRS-"]').first().click();
    await p.waitForURL(/\/partners\/contracts\/CRS-/);
    await p.getByText("Note to signee").first().waitFor();
    expect(await p.getByRole("button", { name: "Email link" }).count()).toBe(0);
    expect(await p.getByRole("button", { name: "Regenerate link" }).count()).toBe(0);
    expect(await p.getByRole("button", { name: "More actions" }).count()).toBe(0);
    await snap(p, "people-readonly-contract");
    await p.goto("/partners/agreements");
    expect(await p.getByRole("link", { name: "Create Agreement" }).count()).toBe(0);
    await p.goto("/partners/directory");
    expect(await p.getByRole("link", { name: "Create Partner" }).count()).toBe(0);
    await p.goto("/partners/agreements/new");
    await p.getByText("Create Agreement is not available").waitFor();

    // Crafted call: capture the Owner's real Invite user request (aborted, so nothing is sent), then post it
    // with the Read-only user's session. The server refuses it and nothing is created.
    let captured: { url: string; headers: Record<string, string>; body: string | null } | undefined;
    await owner.page.route("**/*", async (route) => {
      const req = route.request();
      if (req.method() === "POST" && req.headers()["next-action"]) {
        captured = { url: req.url(), headers: req.headers(), body: req.postData() };
        await route.abort();
      } else await route.continue();
    });
    await owner.page.goto("/settings/users");
    await owner.page.getByRole("button", { name: "Invite user" }).click();
    await owner.page.getByRole("dialog").getByLabel("Email").fill(CRAFTED);
    await owner.page.getByRole("dialog").getByRole("button", { name: "Send invitation" }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    await owner.page.unroute("**/*");
    const cookie = (await viewer.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const res = await fetch(captured!.url, { method: "POST", headers: { ...captured!.headers, cookie }, body: captured!.body });
    expect(await res.text()).toContain("Your role is Read-only");
    await owner.page.goto("/settings/users");
    await owner.page.getByRole("heading", { name: "Users" }).waitFor();
    expect(await owner.page.getByText(CRAFTED).count()).toBe(0);
    const viewerRow = owner.page.getByRole("row").filter({ hasText: VIEWER });
    await viewerRow.getByText("Read-only", { exact: true }).waitFor();

    // The Owner removes the Read-only user: their next request has no account left.
    await viewerRow.getByRole("button", { name: "Actions for Vera Viewer" }).click();
    await owner.page.getByRole("menuitem", { name: "Remove user" }).click();
    await owner.page.getByRole("alertdialog").getByRole("button", { name: "Remove user" }).click();
    await owner.page.getByText("Vera Viewer was removed.").waitFor();
    await p.goto("/partners/contracts");
    await p.waitForURL(/\/sign-in/);
    await viewer.context.close();
    await owner.context.close();
  });

  it("an existing user (a reseller's signee) signs in from the link, joins, and the account switcher lists both accounts", async () => {
    const EXISTING = "chloe@margies.test"; // a demo reseller's signee, password as the demo's
    const owner = await app.newPage();
    await signIn(owner.page);
    await owner.page.goto("/settings/users");
    await inviteFromSettings(owner.page, EXISTING, "Member");
    const link = await joinLinkFromMailbox(owner.page, EXISTING);
    await owner.context.close();

    const { page, context } = await app.newPage();
    await page.goto(link);
    await page.getByText("This email already has a user. Sign in with it to accept the invitation.").waitFor();
    await page.getByRole("link", { name: "Sign in to accept" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("Email").fill(EXISTING);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/join/"));
    await page.getByRole("button", { name: "Join Northwind Distribution Inc." }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/partners"));
    // The account menu now offers both companies.
    await page.getByText("Chloe Martin").first().click();
    await page.getByText("Switch account").waitFor();
    expect(await page.getByRole("menuitemradio", { name: /Northwind Distribution Inc\./ }).isVisible()).toBe(true);
    expect(await page.getByRole("menuitemradio", { name: /Margie's Travel Tech Inc\./ }).isVisible()).toBe(true);
    await context.close();
  });
});
