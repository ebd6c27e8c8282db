import { decode, type JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { encodeSessionToken, isWithinLifetime, SESSION_MAX_AGE_SECONDS, sessionEndsAt, sessionToken } from "./auth-session";

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
