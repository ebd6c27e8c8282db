import { and, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import SecurityEventsPage from "@/app/(portal)/settings/security-events/page";
import UsersPage from "@/app/(portal)/settings/users/page";
import { memberships, outbox, securityEvents, staffInvitations, users } from "@/db/schema";
import { authenticate } from "@/lib/accounts/authenticate";
import { loadViewer } from "@/lib/accounts/viewer";
import { isAppError } from "@/lib/errors";
import { changeRole } from "@/lib/people/change-role";
import { inviteUser } from "@/lib/people/invite-user";
import { joinAsNewUser, joinAsViewer } from "@/lib/people/join-account";
import { listPeople } from "@/lib/people/list-people";
import { removeUser } from "@/lib/people/remove-user";
import { resendInvitation } from "@/lib/people/resend-invitation";
import { resolveInvitation } from "@/lib/people/resolve-invitation";
import { revokeInvitation } from "@/lib/people/revoke-invitation";
import { listSecurityEvents, recordSecurityEvent } from "@/lib/security/events";
import { hashToken } from "@/lib/security/tokens";
import { settingsSections } from "@/lib/settings/sections";
import { actAs, db, makeAccount, makeMember, TEST_PASSWORD, viewerFor } from "../support/factories";
import { NotFoundSignal } from "../support/next";
import { freshEmail, invite } from "../support/people";

type Who = Awaited<ReturnType<typeof makeAccount>>;
const info = { ip: "198.51.100.20", userAgent: "vitest" };
const NEW_PASSWORD = "copper kettle hums beside nine quiet lanterns";

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a refusal");
}

const roleIn = async (userId: string, accountId: string) =>
  (
    await (
      await db()
    )
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.accountId, accountId)))
  )[0]?.role ?? null;

let owner: Who;
beforeAll(async () => {
  owner = await makeAccount({ name: "People Distribution Inc." });
});

describe("Invite user and the /join link", () => {
  it("stores only the token's sha-256, emails a /join link from APP_URL with the account's ID, and records an event", async () => {
    const { invitationId, email, token } = await invite(owner, "member");
    const [row] = await (await db()).select().from(staffInvitations).where(eq(staffInvitations.id, invitationId));
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    const [mail] = await (await db()).select().from(outbox).where(eq(outbox.to, email));
    expect(mail.kind).toBe("staff_invitation");
    expect(mail.subject).toContain(owner.account.publicId);
    expect(mail.text).toContain(`http://localhost:3000/join/${token}`);
    const events = await listSecurityEvents(await db(), owner.viewer);
    expect(events.rows.find((e) => e.kind === "user_invited" && e.detail.email === email)).toBeTruthy();
  });

  it("opening the link changes nothing", async () => {
    const { token, invitationId } = await invite(owner);
    const before = await (await db()).select().from(staffInvitations).where(eq(staffInvitations.id, invitationId));
    const seen = await resolveInvitation(await db(), token);
    expect(seen.state).toBe("pending");
    expect(await (await db()).select().from(staffInvitations).where(eq(staffInvitations.id, invitationId))).toEqual(before);
  });

  it("a new user sets name and password (policy checked), is a member with the invited role, and the link is single use", async () => {
    const { token, email } = await invite(owner, "member");
    const weak = await refusal(joinAsNewUser(await db(), { token, fullName: "Casey New", password: "password1234567" }, info));
    expect(weak.code).toBe("invalid");
    const named = await refusal(
      joinAsNewUser(await db(), { token, fullName: "Casey New", password: `${email.split("@")[0]} and more words` }, info),
    );
    expect(named.message).toMatch(/email name/);
    const joined = await joinAsNewUser(await db(), { token, fullName: "Casey New", password: NEW_PASSWORD }, info);
    expect(joined.accountPublicId).toBe(owner.account.publicId);
    expect(await roleIn(joined.userId, owner.account.id)).toBe("member");
    const [u] = await (await db()).select().from(users).where(eq(users.id, joined.userId));
    expect(u.email).toBe(email);
    expect(u.lastSignInAt).not.toBeNull();
    expect((await resolveInvitation(await db(), token)).state).toBe("accepted");
    const again = await refusal(joinAsNewUser(await db(), { token, fullName: "Someone Else", password: NEW_PASSWORD }, info));
    expect(again.code).toBe("expired");
    // The new user signs in with the password they chose.
    expect((await authenticate(await db(), { email, password: NEW_PASSWORD, ...info })).status).toBe("ok");
  });

  it("an existing user (the invited email has a user) signs in and joins; the account switcher then lists it", async () => {
    const other = await makeAccount({ role: "reseller", name: "Colleague Reseller LLC" });
    const { token } = await invite(owner, "admin", other.user.email);
    expect((await resolveInvitation(await db(), token)).state === "pending").toBe(true);
    const found = await resolveInvitation(await db(), token);
    expect(found.state === "pending" && found.invitation.existingUserId).toBe(other.user.id);
    // Signing up again with that email is refused: they sign in instead.
    expect((await refusal(joinAsNewUser(await db(), { token, fullName: "X", password: NEW_PASSWORD }, info))).code).toBe("conflict");
    await joinAsViewer(await db(), token, { ...other.viewer, ...info });
    const viewer = await viewerFor(other.user.id, owner.account.publicId);
    expect(viewer?.accounts.map((a) => a.publicId).sort()).toEqual([owner.account.publicId, other.account.publicId].sort());
    expect(viewer?.memberRole).toBe("admin");
  });

  it("refuses another signed-in user's session (the invitation names someone else's email)", async () => {
    const { token } = await invite(owner);
    const stranger = await makeAccount();
    expect((await refusal(joinAsViewer(await db(), token, { ...stranger.viewer, ...info }))).code).toBe("forbidden");
    expect((await resolveInvitation(await db(), token)).state).toBe("pending");
  });

  it("expired, revoked and resent (replaced) links are refused, each with its own state", async () => {
    const expired = await invite(owner);
    await (
      await db()
    )
      .update(staffInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(staffInvitations.id, expired.invitationId));
    expect((await resolveInvitation(await db(), expired.token)).state).toBe("expired");
    expect((await refusal(joinAsNewUser(await db(), { token: expired.token, fullName: "A", password: NEW_PASSWORD }, info))).code).toBe(
      "expired",
    );

    const revoked = await invite(owner);
    await revokeInvitation(await db(), owner.viewer, { invitationId: revoked.invitationId });
    expect((await resolveInvitation(await db(), revoked.token)).state).toBe("revoked");
    expect((await refusal(revokeInvitation(await db(), owner.viewer, { invitationId: revoked.invitationId }))).code).toBe("not_found");

    const resent = await invite(owner);
    await resendInvitation(await db(), owner.viewer, { invitationId: resent.invitationId });
    const { joinTokenSentTo } = await import("../support/people");
    const fresh = await joinTokenSentTo(resent.email);
    expect(fresh).not.toBe(resent.token);
    expect((await resolveInvitation(await db(), resent.token)).state).toBe("invalid");
    expect((await resolveInvitation(await db(), fresh)).state).toBe("pending");
    expect((await resolveInvitation(await db(), "not a token")).state).toBe("invalid");
  });

  it("refuses inviting a current user or an email already invited", async () => {
    const member = await makeMember(owner, "member");
    expect((await refusal(inviteUser(await db(), owner.viewer, { email: member.user.email, role: "admin" }))).code).toBe("conflict");
    const { email } = await invite(owner);
    const twice = await refusal(inviteUser(await db(), owner.viewer, { email: email.toUpperCase(), role: "admin" }));
    expect(twice.message).toMatch(/Resend/);
  });

  it("resellers invite their colleagues the same way", async () => {
    const reseller = await makeAccount({ role: "reseller", name: "Inviting Reseller LLC" });
    const { token } = await invite(reseller, "member");
    const joined = await joinAsNewUser(await db(), { token, fullName: "Reseller Colleague", password: NEW_PASSWORD }, info);
    const viewer = await viewerFor(joined.userId);
    expect(viewer?.accountPublicId).toBe(reseller.account.publicId);
    expect(viewer?.role).toBe("reseller");
  });
});

describe("roles", () => {
  it("only an Owner invites an Owner, grants or takes away Owner", async () => {
    const admin = await makeMember(owner, "admin");
    expect((await refusal(inviteUser(await db(), admin.viewer, { email: freshEmail(), role: "owner" }))).code).toBe("forbidden");
    const member = await makeMember(owner, "member");
    expect((await refusal(changeRole(await db(), admin.viewer, { userId: member.user.publicId, role: "owner" }))).code).toBe("forbidden");
    expect((await refusal(changeRole(await db(), admin.viewer, { userId: owner.user.publicId, role: "member" }))).code).toBe("forbidden");
    expect((await refusal(removeUser(await db(), admin.viewer, { userId: owner.user.publicId }))).code).toBe("forbidden");
    // An Admin manages the other roles.
    await changeRole(await db(), admin.viewer, { userId: member.user.publicId, role: "readonly" });
    expect(await roleIn(member.user.id, owner.account.id)).toBe("readonly");
    await changeRole(await db(), owner.viewer, { userId: member.user.publicId, role: "owner" });
    expect(await roleIn(member.user.id, owner.account.id)).toBe("owner");
    await changeRole(await db(), owner.viewer, { userId: member.user.publicId, role: "member" });
  });

  it("Members and Read-only members may not manage users", async () => {
    for (const role of ["member", "readonly"] as const) {
      const m = await makeMember(owner, role);
      expect((await refusal(inviteUser(await db(), m.viewer, { email: freshEmail(), role: "member" }))).code).toBe("forbidden");
      expect((await refusal(listPeople(await db(), m.viewer))).code).toBe("forbidden");
    }
  });

  it("the last Owner can be neither demoted nor removed, not even by themselves; with two Owners one may go", async () => {
    const solo = await makeAccount({ name: "Solo Owner Inc." });
    const last = await refusal(changeRole(await db(), solo.viewer, { userId: solo.user.publicId, role: "admin" }));
    expect(last).toEqual({ code: "conflict", message: expect.stringMatching(/at least one Owner/) });
    expect((await refusal(removeUser(await db(), solo.viewer, { userId: solo.user.publicId }))).code).toBe("conflict");
    const second = await makeMember(solo, "owner");
    await changeRole(await db(), second.viewer, { userId: solo.user.publicId, role: "admin" });
    expect((await refusal(removeUser(await db(), second.viewer, { userId: second.user.publicId }))).code).toBe("conflict");
    expect(await roleIn(second.user.id, solo.account.id)).toBe("owner");
  });

  it("a removed user loses the account at their next request; their user and other accounts stay", async () => {
    const elsewhere = await makeAccount({ name: "Elsewhere Inc." });
    const m = await makeMember(owner, "member");
    await (await db()).insert(memberships).values({ userId: m.user.id, accountId: elsewhere.account.id, role: "member" });
    await removeUser(await db(), owner.viewer, { userId: m.user.publicId });
    const after = await loadViewer(await db(), { userId: m.user.id, sessionVersion: 1, accountPublicId: owner.account.publicId });
    expect(after?.accountPublicId).toBe(elsewhere.account.publicId);
    expect(after?.accounts.map((a) => a.publicId)).toEqual([elsewhere.account.publicId]);
    expect((await refusal(removeUser(await db(), owner.viewer, { userId: m.user.publicId }))).code).toBe("not_found");
  });

  it("another account's user is 'not found', exactly like a missing one", async () => {
    const stranger = await makeAccount();
    const foreign = await refusal(changeRole(await db(), owner.viewer, { userId: stranger.user.publicId, role: "member" }));
    const missing = await refusal(changeRole(await db(), owner.viewer, { userId: "UR-000-000-000", role: "member" }));
    expect(foreign).toEqual(missing);
    expect(await roleIn(stranger.user.id, stranger.account.id)).toBe("owner");
  });
});

describe("security events and last sign-in", () => {
  it("a sign-in writes the last sign-in time and one event per account of the user; a failure is seen by each account too", async () => {
    const a = await makeAccount({ name: "Events A Inc." });
    const b = await makeAccount({ name: "Events B Inc." });
    await (await db()).insert(memberships).values({ userId: a.user.id, accountId: b.account.id, role: "member" });
    expect((await authenticate(await db(), { email: a.user.email, password: "not the password at all", ...info })).status).toBe("invalid");
    expect((await authenticate(await db(), { email: a.user.email, password: TEST_PASSWORD, ...info })).status).toBe("ok");
    const rows = await (await db()).select().from(securityEvents).where(eq(securityEvents.userId, a.user.id));
    const kinds = (accountId: string) =>
      rows
        .filter((r) => r.accountId === accountId)
        .map((r) => r.kind)
        .sort();
    expect(kinds(a.account.id)).toEqual(["sign_in", "sign_in_failed"]);
    expect(kinds(b.account.id)).toEqual(["sign_in", "sign_in_failed"]);
    expect(rows.every((r) => r.ip === info.ip && !JSON.stringify(r).includes("not the password"))).toBe(true);
    const [u] = await (await db()).select().from(users).where(eq(users.id, a.user.id));
    expect(u.lastSignInAt).not.toBeNull();
    // An unknown email belongs to no account: nothing is written.
    const count = async () => (await (await db()).select().from(securityEvents)).length;
    const before = await count();
    await authenticate(await db(), { email: "nobody-here@example.test", password: "whatever it is", ...info });
    expect(await count()).toBe(before);
  });

  it("lists only the viewer's account, newest first, by keyset pages with no row lost or repeated", async () => {
    const acc = await makeAccount({ name: "Paged Events Inc." });
    for (let i = 0; i < 120; i++)
      await recordSecurityEvent(await db(), { kind: "role_changed", accountId: acc.account.id, userId: acc.user.id, detail: { n: i } });
    const other = await makeAccount();
    await recordSecurityEvent(await db(), { kind: "user_removed", accountId: other.account.id, userId: other.user.id });
    const pages = [await listSecurityEvents(await db(), acc.viewer)];
    while (pages.at(-1)!.nextCursor) pages.push(await listSecurityEvents(await db(), acc.viewer, { cursor: pages.at(-1)!.nextCursor! }));
    const ns = (p: (typeof pages)[number]) => p.rows.map((r) => r.detail.n as number);
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(new Set(pages.flatMap(ns)).size).toBe(120);
    const times = pages.flatMap((p) => p.rows.map((r) => r.createdAt.getTime()));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    // Previous page from the last page is the middle page again.
    expect(ns(await listSecurityEvents(await db(), acc.viewer, { cursor: pages[2].prevCursor! }))).toEqual(ns(pages[1]));
    expect((await listSecurityEvents(await db(), acc.viewer, { cursor: "garbage" })).rows).toHaveLength(50);
  });
});

describe("pages", () => {
  it("Users and Security events are Owners' and Admins' only: others do not see the sections and get not found", async () => {
    const member = await makeMember(owner, "member");
    const readonly = await makeMember(owner, "readonly");
    const admin = await makeMember(owner, "admin");
    for (const who of [member, readonly]) {
      expect(settingsSections(who.viewer).map((s) => s.label)).toEqual(["Account", "Your profile"]);
      actAs(who);
      await expect(UsersPage()).rejects.toBeInstanceOf(NotFoundSignal);
      await expect(SecurityEventsPage({ searchParams: Promise.resolve({}) })).rejects.toBeInstanceOf(NotFoundSignal);
    }
    expect(settingsSections(admin.viewer).map((s) => s.label)).toEqual([
      "Account",
      "Your profile",
      "Users",
      "Security events",
      "Branding",
      "Reminders",
      "API keys",
      "Webhooks",
    ]);
    actAs(admin);
    const html = renderToStaticMarkup(await UsersPage());
    expect(html).toContain("Invite user");
    expect(html).toContain(owner.user.email);
    expect(html).toContain("Invited");
    expect(html).toContain("Last sign-in");
    const events = renderToStaticMarkup(await SecurityEventsPage({ searchParams: Promise.resolve({ cursor: "%%%" }) }));
    expect(events).toContain("User invited");
  });

  it("an Admin sees no actions on an Owner's row; an Owner does", async () => {
    const admin = await makeMember(owner, "admin");
    actAs(admin);
    const asAdmin = renderToStaticMarkup(await UsersPage());
    expect(asAdmin).not.toContain(`Actions for ${owner.user.fullName}`);
    actAs(owner);
    const asOwner = renderToStaticMarkup(await UsersPage());
    expect(asOwner).toContain(`Actions for ${admin.user.fullName}`);
  });

  it("lists every member of the account and every pending invitation once, and nothing of other accounts", async () => {
    const rows = await listPeople(await db(), owner.viewer);
    const members = await (await db()).select().from(memberships).where(eq(memberships.accountId, owner.account.id));
    const pending = await (
      await db()
    )
      .select()
      .from(staffInvitations)
      .where(and(eq(staffInvitations.accountId, owner.account.id), eq(staffInvitations.status, "pending")));
    expect(rows.filter((r) => r.kind === "user")).toHaveLength(members.length);
    expect(
      rows
        .filter((r) => r.kind === "invitation")
        .map((r) => r.id)
        .sort(),
    ).toEqual(pending.map((p) => p.id).sort());
  });
});
