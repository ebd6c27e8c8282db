import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { recoveryCodes, securityEvents, userTwoFactor } from "@/db/schema";
import { signInAction, type SignInState } from "@/app/actions/auth";
import { createAgreementAction } from "@/app/(portal)/partners/agreements/actions";
import {
  cancelTwoFactorAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  startTwoFactorAction,
} from "@/app/(portal)/settings/profile/actions";
import { setRequireTwoFactorAction } from "@/app/(portal)/settings/two-factor-actions";
import { authenticate } from "@/lib/accounts/authenticate";
import { completeTwoFactorSignIn, issuePendingTicket, twoFactorStatus } from "@/lib/accounts/two-factor";
import { CLIENT_IP_HEADER } from "@/lib/client-ip.mjs";
import { clock } from "@/lib/security/backoff";
import { totpCode } from "@/lib/security/totp";
import { requireViewer, TWO_FACTOR_SETUP_PATH } from "@/lib/session";
import { actAs, db, makeAccount, makeMember, TEST_PASSWORD, viewerFor } from "../support/factories";
import { RedirectSignal, request } from "../support/next";

type Who = Awaited<ReturnType<typeof makeAccount>>;
let ipSeq = 0;

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

async function outcome(run: () => Promise<unknown>): Promise<{ redirect?: string; state?: SignInState }> {
  try {
    return { state: (await run()) as SignInState };
  } catch (e) {
    if (e instanceof RedirectSignal) return { redirect: e.url };
    throw e;
  }
}

/** Turns two-factor on through Your profile's actions, as the user would; returns the secret and the codes shown. */
async function enable(who: Who, at = new Date()) {
  actAs(who);
  expect(await startTwoFactorAction({})).toMatchObject({ ok: true });
  const status = await twoFactorStatus(await db(), who.viewer);
  if (status.state !== "pending") throw new Error("not pending");
  const confirmed = await confirmTwoFactorAction({ code: totpCode(status.secret, at) });
  if (!confirmed.ok) throw new Error(confirmed.error);
  actAs(null);
  return { secret: status.secret, codes: confirmed.data.recoveryCodes };
}

/** The password step: answers the pending ticket (no session yet). */
async function passwordStep(who: Who): Promise<string> {
  const { state, redirect } = await outcome(() =>
    signInAction({}, form({ email: who.user.email, password: TEST_PASSWORD, callbackUrl: "/" })),
  );
  expect(redirect, "a user with two-factor must not be signed in on the password alone").toBeUndefined();
  expect(state?.ticket).toBeTruthy();
  return state!.ticket!;
}

const codeStep = (who: Who, ticket: string, code: string) =>
  outcome(() => signInAction({}, form({ step: "code", ticket, code, email: who.user.email, callbackUrl: "/partners" })));

beforeEach(() => {
  actAs(null);
  request.headers.set(CLIENT_IP_HEADER, `198.51.100.${++ipSeq}`);
});

describe("setting up two-factor sign-in", () => {
  it("shows a secret, turns on only with a correct code, keeps the secret encrypted and ten recovery codes hashed", async () => {
    const who = await makeAccount();
    actAs(who);
    await startTwoFactorAction({});
    const pending = await twoFactorStatus(await db(), who.viewer);
    if (pending.state !== "pending") throw new Error("not pending");
    expect(pending.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    const wrong = await confirmTwoFactorAction({ code: totpCode(pending.secret, new Date(Date.now() + 10 * 60_000)) });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { code: expect.stringContaining("not correct") } });
    expect(await confirmTwoFactorAction({ code: "12ab56" })).toMatchObject({ ok: false, fieldErrors: { code: expect.any(String) } });

    const ok = await confirmTwoFactorAction({ code: totpCode(pending.secret, new Date()) });
    if (!ok.ok) throw new Error(ok.error);
    expect(ok.data.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.data.recoveryCodes).size).toBe(10);

    const database = await db();
    const [row] = await database.select().from(userTwoFactor).where(eq(userTwoFactor.userId, who.user.id));
    expect(row.enabledAt).not.toBeNull();
    expect(row.secretCiphertext).not.toContain(pending.secret);
    const stored = await database.select().from(recoveryCodes).where(eq(recoveryCodes.userId, who.user.id));
    expect(stored).toHaveLength(10);
    for (const c of ok.data.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(c.replace("-", ""));
    expect(await twoFactorStatus(database, who.viewer)).toMatchObject({ state: "on", recoveryCodesLeft: 10 });
    const events = await database.select().from(securityEvents).where(eq(securityEvents.userId, who.user.id));
    expect(events.map((e) => e.kind)).toEqual(["two_factor_enabled"]);
    // Cannot be "started" again over an enabled one (which would replace the secret).
    expect(await startTwoFactorAction({})).toMatchObject({ ok: false, error: "Two-factor sign-in is already on." });
  });

  it("Cancel leaves nothing enabled", async () => {
    const who = await makeAccount();
    actAs(who);
    await startTwoFactorAction({});
    await cancelTwoFactorAction({});
    expect(await twoFactorStatus(await db(), who.viewer)).toEqual({ state: "off" });
  });
});

describe("signing in with two-factor", () => {
  it("asks for a code after the password; a wrong code is refused; the right one signs in; it cannot be replayed", async () => {
    const who = await makeAccount();
    const { secret } = await enable(who, new Date(Date.now() - 30_000)); // confirmed with the previous step's code
    const ticket = await passwordStep(who);

    const wrong = await codeStep(who, ticket, "000000");
    expect(wrong.state).toMatchObject({ fieldErrors: { code: expect.stringContaining("not correct") }, ticket });

    const code = totpCode(secret, new Date());
    expect(await codeStep(who, ticket, code)).toEqual({ redirect: "/partners" });

    // The same code again, even with a fresh password step, is refused within its window.
    const replay = await codeStep(who, await passwordStep(who), code);
    expect(replay.redirect).toBeUndefined();
    expect(replay.state?.fieldErrors?.code).toContain("already used");
  });

  it("a recovery code signs in once", async () => {
    const who = await makeAccount();
    const { codes } = await enable(who);
    expect(await codeStep(who, await passwordStep(who), codes[3].toUpperCase())).toEqual({ redirect: "/partners" });
    const again = await codeStep(who, await passwordStep(who), codes[3]);
    expect(again.state?.fieldErrors?.code).toContain("recovery code is not correct or was already used");
    expect(await twoFactorStatus(await db(), who.viewer)).toMatchObject({ state: "on", recoveryCodesLeft: 9 });
    const events = await (await db()).select().from(securityEvents).where(eq(securityEvents.userId, who.user.id));
    expect(events.map((e) => e.kind)).toContain("recovery_code_used");
  });

  it("the code step is throttled with the password's counters", async () => {
    const who = await makeAccount();
    const { secret } = await enable(who, new Date(Date.now() - 30_000));
    const ticket = await passwordStep(who);
    const waits: number[] = [];
    const realWait = clock.wait;
    clock.wait = async (ms) => void waits.push(ms);
    try {
      for (let i = 0; i < 5; i++) expect((await codeStep(who, ticket, "000000")).state?.fieldErrors?.code).toBeTruthy();
      const locked = await codeStep(who, ticket, totpCode(secret, new Date()));
      expect(locked.state?.error).toContain("Too many sign-in attempts");
      // …and so is the password step, from the same address.
      const { state } = await outcome(() => signInAction({}, form({ email: who.user.email, password: TEST_PASSWORD })));
      expect(state?.error).toContain("Too many sign-in attempts");
    } finally {
      clock.wait = realWait;
    }
    // Wrong codes count on the email too: past five, every attempt on it waits (from any address).
    request.headers.set(CLIENT_IP_HEADER, "192.0.2.200");
    expect(waits).toEqual([]);
    clock.wait = async (ms) => void waits.push(ms);
    try {
      await codeStep(who, await passwordStep(who), "000000");
      await passwordStep(who);
    } finally {
      clock.wait = realWait;
    }
    expect(waits.length).toBeGreaterThan(0);
  });

  it("an expired, forged or outdated ticket goes back to the password", async () => {
    const who = await makeAccount();
    const { secret } = await enable(who, new Date(Date.now() - 30_000));
    const database = await db();
    const old = issuePendingTicket({ id: who.user.id, sessionVersion: 1 }, new Date(Date.now() - 6 * 60_000));
    const forged = `${old.split(".")[0]}.${"A".repeat(43)}`;
    const info = { ip: "203.0.113.50", userAgent: "vitest" };
    for (const ticket of [old, forged, "garbage", ""]) {
      await expect(completeTwoFactorSignIn(database, { ticket, code: totpCode(secret, new Date()) }, info)).rejects.toMatchObject({
        code: "expired",
      });
    }
    const r = await codeStep(who, old, totpCode(secret, new Date()));
    expect(r.state).toMatchObject({ error: expect.stringContaining("took too long") });
    expect(r.state?.ticket).toBeUndefined();
  });

  it("the password alone is enough only without two-factor (authenticate says which)", async () => {
    const who = await makeAccount();
    const info = { ip: "203.0.113.51", userAgent: "vitest" };
    expect(await authenticate(await db(), { email: who.user.email, password: TEST_PASSWORD, ...info })).toMatchObject({
      status: "ok",
      user: { twoFactor: false },
    });
    expect(await outcome(() => signInAction({}, form({ email: who.user.email, password: TEST_PASSWORD, callbackUrl: "/" })))).toEqual({
      redirect: "/",
    });
    await enable(who);
    expect(await authenticate(await db(), { email: who.user.email, password: TEST_PASSWORD, ...info })).toMatchObject({
      status: "ok",
      user: { twoFactor: true },
    });
  });
});

describe("turning two-factor off", () => {
  it("needs a current code or the password", async () => {
    const who = await makeAccount();
    const { secret } = await enable(who, new Date(Date.now() - 30_000));
    actAs(who);
    expect(await disableTwoFactorAction({ code: "", password: "" })).toMatchObject({ ok: false });
    expect(await disableTwoFactorAction({ password: "not my password at all" })).toMatchObject({
      ok: false,
      fieldErrors: { password: "That password is not correct." },
    });
    expect(await disableTwoFactorAction({ code: "000000" })).toMatchObject({
      ok: false,
      fieldErrors: { code: "That code is not correct." },
    });
    expect(await disableTwoFactorAction({ code: totpCode(secret, new Date()) })).toEqual({ ok: true, data: undefined });
    const database = await db();
    expect(await twoFactorStatus(database, who.viewer)).toEqual({ state: "off" });
    expect(await database.select().from(recoveryCodes).where(eq(recoveryCodes.userId, who.user.id))).toEqual([]);
  });
});

describe("an account that requires two-factor sign-in", () => {
  it("sends its users without it to Your profile, refuses their other actions, and lets them set it up", async () => {
    const owner = await makeAccount();
    const member = await makeMember(owner, "member");
    actAs(member);
    expect(await setRequireTwoFactorAction({ require: true })).toMatchObject({ ok: false }); // Owners and Admins only
    actAs(owner);
    expect(await setRequireTwoFactorAction({ require: true })).toEqual({ ok: true, data: { require: true } });

    const viewer = (await viewerFor(member.user.id, owner.account.publicId))!;
    expect(viewer.mustSetUpTwoFactor).toBe(true);
    actAs(member);
    await expect(requireViewer("/partners/contracts")).rejects.toMatchObject({ url: TWO_FACTOR_SETUP_PATH });
    await expect(requireViewer("/settings/profile", { twoFactorSetup: true })).resolves.toMatchObject({ userId: member.user.id });
    const refused = await createAgreementAction({ type: "service", name: "Blocked", description: "d", content: "terms", activate: true });
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining("requires two-factor sign-in") });

    await enable(member);
    expect((await viewerFor(member.user.id, owner.account.publicId))!.mustSetUpTwoFactor).toBe(false);
    actAs(member);
    await expect(requireViewer("/partners/contracts")).resolves.toMatchObject({ userId: member.user.id });
  });
});
