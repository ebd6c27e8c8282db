import { encode as encodeJwt, type JWT, type JWTEncodeParams } from "next-auth/jwt";

/** SECURITY.md 13 and 37: a session lives 12 hours from sign-in, and nothing extends it. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const CLOCK_SKEW_SECONDS = 60;

const nowSeconds = () => Math.floor(Date.now() / 1000);

export type SignedInUser = { id?: string; sessionVersion?: number };

/**
 * Auth.js's jwt callback. Sign-in stamps the time (`sat`) into the token; every later read refuses a
 * token whose sign-in is 12 hours old, or that carries no sign-in time (issued before this rule).
 * Returning null ends the session: Auth.js then reports none and clears the cookie.
 */
export function sessionToken({ token, user }: { token: JWT; user?: SignedInUser | null }, now = nowSeconds()): JWT | null {
  if (user) return { ...token, uid: user.id, sv: user.sessionVersion, sat: now };
  return isWithinLifetime(token, now) ? token : null;
}

export function isWithinLifetime(token: JWT, now = nowSeconds()): boolean {
  const sat = token.sat;
  return typeof sat === "number" && sat <= now + CLOCK_SKEW_SECONDS && now - sat < SESSION_MAX_AGE_SECONDS;
}

/** When the session ends, whatever is done with it in between. */
export function sessionEndsAt(token: JWT): Date | undefined {
  return typeof token.sat === "number" ? new Date((token.sat + SESSION_MAX_AGE_SECONDS) * 1000) : undefined;
}

/**
 * Auth.js re-encodes the token whenever it reads a session through its endpoint, giving it a fresh
 * `exp`; this keeps `exp` at sign-in + 12 h instead, so even a re-issued cookie holds a token that
 * expires on time.
 */
export function encodeSessionToken(params: JWTEncodeParams<JWT>, now = nowSeconds()): Promise<string> {
  const sat = params.token?.sat;
  const remaining = typeof sat === "number" ? sat + SESSION_MAX_AGE_SECONDS - now : (params.maxAge ?? SESSION_MAX_AGE_SECONDS);
  return encodeJwt({ ...params, maxAge: Math.min(remaining, SESSION_MAX_AGE_SECONDS) });
}
