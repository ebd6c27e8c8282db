import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { outbox, passwordResets, securityEvents, users } from "@/db/schema";
import { requestPasswordResetAction, resetPasswordAction } from "@/app/actions/password-reset";
import { changePasswordAction } from "@/app/(portal)/settings/profile/actions";
import { authenticate } from "@/lib/accounts/authenticate";
import { findOpenReset, requestPasswordReset, resetPassword, RESET_EMAILS_PER_HOUR } from "@/lib/accounts/password-reset";
import { loadViewer } from "@/lib/accounts/viewer";
import { CLIENT_IP_HEADER } from "@/lib/client-ip.mjs";
import { actAs, db, makeAccount, makeMember, TEST_PASSWORD } from "../support/factories";
import { RedirectSignal, request } from "../support/next";

const NEW_PASSWORD = "velvet harbour lanterns drift past nine";
const who = { ip: "203.0.113.9", userAgent: "vitest" };
let ipSeq = 0;

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

/** The reset link in the newest password_reset email to this address, as the user reads it. */
async function linkSentTo(email: string): Promise<string> {
  const rows = await (
    await db()
  )
    .select()
    .from(outbox)
    .where(and(eq(outbox.to, email), eq(outbox.kind, "password_reset")))
    .orderBy(sql`${outbox.createdAt} desc`);
  const link = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(rows[0]?.text ?? "")?.[1];
  if (!link) throw new Error(`no reset email to ${email}`);
  return link;
}

const mailTo = async (email: string) => (await (await db()).select().from(outbox).where(eq(outbox.to, email))).map((m) => m.kind);

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof RedirectSignal) return e.url;
    throw e;
  }
  throw new Error("no redirect");
}

beforeEach(() => {
  actAs(null);
  // A fresh address per test: the per-IP limit belongs to its own test below.
  request.headers.set(CLIENT_IP_HEADER, `198.51.100.${++ipSeq}`);
});

describe("Forgot password", () => {
  it("answers an unknown email exactly like a known one, and mails only the known one", async () => {
    const { user } = await makeAccount();
    const known = await requestPasswordResetAction(null, form({ email: user.email.toUpperCase() }));
    const unknown = await requestPasswordResetAction(null, form({ email: "nobody-at-all@example.test" }));
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ ok: true, data: { message: expect.stringContaining("If an account uses this email") } });
    expect(await mailTo(user.email)).toEqual(["password_reset"]);
    expect(await mailTo("nobody-at-all@example.test")).toEqual([]);
    // Only the hash of the token is kept.
    const token = await linkSentTo(user.email);
    const stored = await (await db()).select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("sends at most a few emails per address per hour, answering the same", async () => {
    const { user } = await makeAccount();
    const answers = [];
    for (let i = 0; i < RESET_EMAILS_PER_HOUR + 2; i++) answers.push(await requestPasswordResetAction(null, form({ email: user.email })));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await mailTo(user.email)).length).toBe(RESET_EMAILS_PER_HOUR);
  });

  it("refuses a flood of requests from one IP with a message", async () => {
    let last: unknown;
    for (let i = 0; i < 21; i++) last = await requestPasswordResetAction(null, form({ email: `flood${i}@example.test` }));
    expect(last).toMatchObject({ ok: false, error: expect.stringContaining("Too many password reset requests") });
  });
});

describe("the reset link", () => {
  it("sets the new password once, ends every session, records the event and mails 'Your password was changed'", async () => {
    const owner = await makeAccount();
    const { user } = owner;
    await requestPasswordReset(await db(), { email: user.email }, who);
    const token = await linkSentTo(user.email);
    // Opening the link (GET) spends nothing.
    expect(await findOpenReset(await db(), token)).toEqual({ email: user.email });
    expect(await findOpenReset(await db(), token)).toEqual({ email: user.email });

    expect(await redirectOf(() => resetPasswordAction(null, form({ token, password: NEW_PASSWORD })))).toBe("/sign-in?reset=done");

    const database = await db();
    expect((await authenticate(database, { email: user.email, password: NEW_PASSWORD, ...who })).status).toBe("ok");
    expect((await authenticate(database, { email: user.email, password: TEST_PASSWORD, ...who })).status).toBe("invalid");
    // The session this user had (version 1) is over.
    expect(await loadViewer(database, { userId: user.id, sessionVersion: 1 })).toBeNull();
    expect(await mailTo(user.email)).toEqual(["password_reset", "password_changed"]);
    const [changed] = await database
      .select()
      .from(outbox)
      .where(and(eq(outbox.to, user.email), eq(outbox.kind, "password_changed")));
    expect(changed.subject).toBe("Your password was changed");
    const events = await database.select().from(securityEvents).where(eq(securityEvents.userId, user.id));
    // The sign-ins the test made are recorded too (sign_in, from lib/accounts/authenticate.ts).
    expect(
      events
        .map((e) => e.kind)
        .filter((k) => !k.startsWith("sign_in"))
        .sort(),
    ).toEqual(["password_reset", "password_reset_requested"]);
    expect(events.every((e) => e.accountId === owner.account.id)).toBe(true);

    // Single use: the same link again changes nothing.
    const again = await resetPasswordAction(null, form({ token, password: "another fine passphrase for later" }));
    expect(again).toMatchObject({ ok: false, error: expect.stringContaining("expired or was already used") });
    expect((await authenticate(database, { email: user.email, password: NEW_PASSWORD, ...who })).status).toBe("ok");
    expect(await findOpenReset(database, token)).toBeNull();
  });

  it("works for an hour and not after", async () => {
    const { user } = await makeAccount();
    const database = await db();
    const t0 = new Date();
    await requestPasswordReset(database, { email: user.email }, who, t0);
    const token = await linkSentTo(user.email);
    const late = new Date(t0.getTime() + 60 * 60 * 1000 + 1000);
    await expect(resetPassword(database, { token, password: NEW_PASSWORD }, who, late)).rejects.toMatchObject({ code: "expired" });
    expect(await findOpenReset(database, token, late)).toBeNull();
    const inTime = new Date(t0.getTime() + 59 * 60 * 1000);
    await expect(resetPassword(database, { token, password: NEW_PASSWORD }, who, inTime)).resolves.toEqual({ email: user.email });
  });

  it("holds the new password to the policy and keeps the link usable meanwhile", async () => {
    const { user } = await makeAccount();
    await requestPasswordReset(await db(), { email: user.email }, who);
    const token = await linkSentTo(user.email);
    const weak = await resetPasswordAction(null, form({ token, password: "password123" }));
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: expect.stringMatching(/at least 15|too common/) } });
    const common = await resetPasswordAction(null, form({ token, password: "correct horse battery staple" }));
    expect(common).toMatchObject({ ok: false, fieldErrors: { password: expect.stringContaining("too common") } });
    expect(await findOpenReset(await db(), token)).not.toBeNull();
  });

  it("a finished reset spends the user's other open links", async () => {
    const { user } = await makeAccount();
    const database = await db();
    await requestPasswordReset(database, { email: user.email }, who);
    const first = await linkSentTo(user.email);
    await new Promise((r) => setTimeout(r, 5)); // distinct created_at for "newest email"
    await requestPasswordReset(database, { email: user.email }, who);
    const second = await linkSentTo(user.email);
    expect(second).not.toBe(first);
    await resetPassword(database, { token: second, password: NEW_PASSWORD }, who);
    expect(await findOpenReset(database, first)).toBeNull();
  });

  it("refuses malformed and unknown tokens without touching any user", async () => {
    const { user } = await makeAccount();
    const before = await (await db()).select().from(users).where(eq(users.id, user.id));
    for (const token of ["", "short", "A".repeat(43), "../../etc/passwd"]) {
      const r = await resetPasswordAction(null, form({ token, password: NEW_PASSWORD }));
      expect(r).toMatchObject({ ok: false, error: expect.stringContaining("expired or was already used") });
    }
    expect(await (await db()).select().from(users).where(eq(users.id, user.id))).toEqual(before);
  });
});

describe("Change password (Your profile)", () => {
  it("needs the current password, applies the policy, ends other sessions and mails the user", async () => {
    const owner = await makeAccount();
    actAs(owner);
    const wrong = await changePasswordAction({ currentPassword: "not my password at all", newPassword: NEW_PASSWORD });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: "Your current password is not correct." } });
    const weak = await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.stringContaining("15") } });
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({
      ok: true,
      data: undefined,
    });

    const database = await db();
    const [row] = await database.select().from(users).where(eq(users.id, owner.user.id));
    expect(row.sessionVersion).toBe(2); // other sessions (version 1) end; this one is issued again with 2
    expect(await loadViewer(database, { userId: owner.user.id, sessionVersion: 1 })).toBeNull();
    expect(await loadViewer(database, { userId: owner.user.id, sessionVersion: 2 })).not.toBeNull();
    expect((await authenticate(database, { email: owner.user.email, password: NEW_PASSWORD, ...who })).status).toBe("ok");
    expect(await mailTo(owner.user.email)).toEqual(["password_changed"]);
    const events = await database.select().from(securityEvents).where(eq(securityEvents.userId, owner.user.id));
    expect(events.map((e) => e.kind).filter((k) => !k.startsWith("sign_in"))).toEqual(["password_changed"]);
  });

  it("is open to a Read-only member (their own password)", async () => {
    const owner = await makeAccount();
    const readonly = await makeMember(owner, "readonly");
    actAs(readonly);
    expect(await changePasswordAction({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({
      ok: true,
      data: undefined,
    });
  });
});
