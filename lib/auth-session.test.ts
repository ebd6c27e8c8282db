import { decode, encode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import {
  decodeSessionCookie,
  encodeSessionToken,
  isWithinLifetime,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
  sessionEndsAt,
  sessionToken,
} from "./auth-session";

// Issue 14 item 7, SECURITY.md 37: 12 hours from sign-in, and nothing extends them.
const HOUR = 3600;
const signIn = 1_800_000_000;
const secret = "test-secret-test-secret-test-secret-0123456789";
const salt = "authjs.session-token";

describe("absolute session lifetime", () => {
  it("stamps the sign-in time into the token at sign-in", () => {
    const token = sessionToken({ token: {}, user: { id: "u1", sessionVersion: 3 } }, signIn);
    expect(token).toMatchObject({ uid: "u1", sv: 3, sat: signIn });
  });

  it("keeps a session for 12 hours after sign-in, however often it is used, then refuses it", () => {
    const token: JWT = { uid: "u1", sv: 1, sat: signIn };
    for (let h = 0; h < 12; h++) expect(sessionToken({ token }, signIn + h * HOUR)).toEqual(token);
    expect(sessionToken({ token }, signIn + 12 * HOUR - 1)).toEqual(token);
    expect(sessionToken({ token }, signIn + 12 * HOUR)).toBeNull();
    expect(sessionToken({ token }, signIn + 30 * 24 * HOUR)).toBeNull();
  });

  it("refuses a token without a sign-in time (issued before this rule) or one from the future", () => {
    expect(sessionToken({ token: { uid: "u1", sv: 1 } }, signIn)).toBeNull();
    expect(sessionToken({ token: { uid: "u1", sv: 1, sat: "yesterday" } }, signIn)).toBeNull();
    expect(isWithinLifetime({ sat: signIn + HOUR }, signIn)).toBe(false);
  });

  it("re-encoding a token later never moves its expiry past sign-in + 12 h", async () => {
    const token: JWT = { uid: "u1", sv: 1, sat: Math.floor(Date.now() / 1000) - 11 * HOUR };
    const encoded = await encodeSessionToken({ token, secret, salt, maxAge: SESSION_MAX_AGE_SECONDS });
    const payload = await decode({ token: encoded, secret, salt });
    expect(payload?.exp).toBe((token.sat as number) + SESSION_MAX_AGE_SECONDS);
    expect(sessionEndsAt(token)?.getTime()).toBe(((token.sat as number) + SESSION_MAX_AGE_SECONDS) * 1000);
  });

  it("an expired token cannot be decoded at all", async () => {
    const token: JWT = { uid: "u1", sv: 1, sat: Math.floor(Date.now() / 1000) - 13 * HOUR };
    const encoded = await encodeSessionToken({ token, secret, salt, maxAge: SESSION_MAX_AGE_SECONDS });
    await expect(decode({ token: encoded, secret, salt })).rejects.toThrow(/exp/);
  });
});

// Issue 23: pages read the cookie directly (lib/session-read.ts) instead of running Auth.js's session endpoint.
describe("reading the session cookie without Auth.js's endpoint", () => {
  const now = Math.floor(Date.now() / 1000);
  const cookieFor = async (token: JWT, secure = false, key = secret) => {
    const name = sessionCookieName(secure);
    return { name, value: await encodeSessionToken({ token, secret: key, salt: name, maxAge: SESSION_MAX_AGE_SECONDS }) };
  };

  it("reads the user and session version of a cookie Auth.js issued, with its absolute end", async () => {
    const cookie = await cookieFor({ uid: "u1", sv: 4, sat: now - HOUR, name: "A", email: "a@example.test" });
    const claims = await decodeSessionCookie([{ name: "other", value: "x" }, cookie], secret, false);
    expect(claims).toEqual({ uid: "u1", sv: 4, expires: new Date((now - HOUR + SESSION_MAX_AGE_SECONDS) * 1000) });
    // The production cookie name is its own salt: a development cookie is not read there, and vice versa.
    expect(await decodeSessionCookie([cookie], secret, true)).toBeNull();
    expect(await decodeSessionCookie([await cookieFor({ uid: "u1", sv: 4, sat: now }, true)], secret, true)).toMatchObject({ uid: "u1" });
  });

  it("joins a cookie Auth.js split into chunks, in their order", async () => {
    const { name, value } = await cookieFor({ uid: "u2", sv: 1, sat: now });
    const at = Math.floor(value.length / 2);
    const chunks = [
      { name: `${name}.1`, value: value.slice(at) },
      { name: `${name}.0`, value: value.slice(0, at) },
    ];
    expect(await decodeSessionCookie(chunks, secret, false)).toMatchObject({ uid: "u2", sv: 1 });
  });

  it("refuses a session 12 hours after sign-in, even inside the token's own exp", async () => {
    const cookie = await cookieFor({ uid: "u1", sv: 1, sat: now - 11 * HOUR });
    expect(await decodeSessionCookie([cookie], secret, false, now)).not.toBeNull();
    expect(await decodeSessionCookie([cookie], secret, false, now + HOUR)).toBeNull();
    const noSignInTime = await cookieFor({ uid: "u1", sv: 1 });
    expect(await decodeSessionCookie([noSignInTime], secret, false)).toBeNull();
  });

  it("a token read before is still refused once its exp passes, and under another secret or cookie name", async () => {
    // Reads remember tokens already decrypted (issue 23); what a read refuses must not change because of it.
    const name = sessionCookieName(false);
    const shortLived = { name, value: await encode({ token: { uid: "u9", sv: 2, sat: now }, secret, salt: name, maxAge: 60 }) };
    expect(await decodeSessionCookie([shortLived], secret, false, now)).toMatchObject({ uid: "u9", sv: 2 });
    expect(await decodeSessionCookie([shortLived], secret, false, now + 30)).toMatchObject({ uid: "u9" });
    expect(await decodeSessionCookie([shortLived], secret, false, now + 120)).toBeNull();
    const cookie = await cookieFor({ uid: "u8", sv: 1, sat: now });
    expect(await decodeSessionCookie([cookie], secret, false)).toMatchObject({ uid: "u8" });
    expect(await decodeSessionCookie([cookie], "another-secret-another-secret-0123456789", false)).toBeNull();
    expect(await decodeSessionCookie([{ ...cookie, name: sessionCookieName(true) }], secret, true)).toBeNull();
    expect(await decodeSessionCookie([cookie], secret, false)).toMatchObject({ uid: "u8" });
  });

  it("refuses a tampered cookie, one sealed with another secret, and one without a user or version", async () => {
    const cookie = await cookieFor({ uid: "u1", sv: 1, sat: now });
    const flipped = cookie.value.slice(0, -5) + (cookie.value.at(-5) === "A" ? "B" : "A") + cookie.value.slice(-4);
    expect(await decodeSessionCookie([{ ...cookie, value: flipped }], secret, false)).toBeNull();
    expect(await decodeSessionCookie([{ ...cookie, value: "not.a.jwe.at.all" }], secret, false)).toBeNull();
    const foreign = await cookieFor({ uid: "u1", sv: 1, sat: now }, false, "another-secret-another-secret-0123456789");
    expect(await decodeSessionCookie([foreign], secret, false)).toBeNull();
    expect(await decodeSessionCookie([await cookieFor({ sv: 1, sat: now })], secret, false)).toBeNull();
    expect(await decodeSessionCookie([await cookieFor({ uid: "u1", sat: now })], secret, false)).toBeNull();
    expect(await decodeSessionCookie([], secret, false)).toBeNull();
  });
});
