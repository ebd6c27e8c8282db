import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { encode as encodeJwt, type JWT, type JWTEncodeParams } from "next-auth/jwt";
import { hkdfSync } from "node:crypto";

/** SECURITY.md 13 and 37: a session lives 12 hours from sign-in, and nothing extends it. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
const CLOCK_SKEW_SECONDS = 60;
/** jose's allowance on exp and nbf when reading a session token. */
const CLOCK_TOLERANCE_SECONDS = 15;

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

/** Auth.js's session cookie name; "__Secure-" in production (lib/auth.ts sets useSecureCookies there). */
export const sessionCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}authjs.session-token`;

export type SessionClaims = { uid: string; sv: number; expires: Date };

type Keys = { key: (enc: string) => Uint8Array; thumbprint: (enc: string) => Promise<string> };
const derived = new Map<string, Keys>();

/**
 * The encryption keys Auth.js derives from AUTH_SECRET (HKDF-SHA256, salt = cookie name; @auth/core/jwt.js),
 * derived once per secret and cookie name instead of on every request.
 */
function keysFor(secret: string, salt: string): Keys {
  const id = `${salt}\u0000${secret}`;
  let keys = derived.get(id);
  if (!keys) {
    const byEnc = new Map<string, Uint8Array>();
    const prints = new Map<string, Promise<string>>();
    const key = (enc: string) => {
      let k = byEnc.get(enc);
      if (!k) {
        const length = enc === "A256CBC-HS512" ? 64 : enc === "A256GCM" ? 32 : 0;
        if (!length) throw new Error("Unsupported JWT Content Encryption Algorithm");
        k = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
        byEnc.set(enc, k);
      }
      return k;
    };
    const thumbprint = (enc: string) => {
      let p = prints.get(enc);
      if (!p) {
        const k = key(enc);
        p = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(k) }, `sha${k.byteLength << 3}` as "sha256");
        prints.set(enc, p);
      }
      return p;
    };
    keys = { key, thumbprint };
    if (derived.size > 8) derived.clear(); // secrets change only on rotation: a handful per process
    derived.set(id, keys);
  }
  return keys;
}

/**
 * Tokens already decrypted and authenticated, with their claims (issue 23): jose's A256CBC-HS512 path costs
 * seven WebCrypto operations per read (two key imports, two MACs, a key generation for its constant-time
 * compare, the decryption), about 0.6 ms of every signed-in page. The same token, byte for byte, under the
 * same secret and cookie name, always decrypts to the same claims, so a hit is what decrypting would give;
 * expiry and the 12-hour limit are checked on every read, hit or not, and the session version is still
 * compared with the database by the caller. Bounded; the oldest entry goes first.
 */
const verified = new Map<string, { secret: string; salt: string; payload: JWT }>();
const VERIFIED_MAX = 2_000;

async function decryptToken(token: string, secret: string, salt: string, now: number): Promise<JWT | null> {
  const hit = verified.get(token);
  if (hit && hit.secret === secret && hit.salt === salt) {
    verified.delete(token); // most recently used last
    verified.set(token, hit);
    const { exp, nbf } = hit.payload;
    if (typeof exp === "number" && now - CLOCK_TOLERANCE_SECONDS >= exp) return null;
    if (typeof nbf === "number" && now + CLOCK_TOLERANCE_SECONDS < nbf) return null;
    return hit.payload;
  }
  const keys = keysFor(secret, salt);
  try {
    const { payload } = await jwtDecrypt<JWT>(
      token,
      async ({ kid, enc }) => {
        if (kid !== undefined && kid !== (await keys.thumbprint(enc))) throw new Error("no matching decryption secret");
        return keys.key(enc);
      },
      {
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        keyManagementAlgorithms: ["dir"],
        contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"],
        currentDate: new Date(now * 1000),
      },
    );
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(token, { secret, salt, payload });
    return payload;
  } catch {
    return null;
  }
}

/**
 * Reads the session from the request's cookies as Auth.js would (its chunked cookie joined, the JWE
 * decrypted and its exp checked), without re-encoding a refreshed token: pages and actions only need to
 * know who signed in. The 12-hour lifetime is enforced here too; the session version is checked against
 * the database by the caller (lib/session.ts, SECURITY.md 13–14). Null when absent, tampered or expired.
 */
export async function decodeSessionCookie(
  cookies: { name: string; value: string }[],
  secret: string,
  secure: boolean,
  now = nowSeconds(),
): Promise<SessionClaims | null> {
  const salt = sessionCookieName(secure);
  const chunks = cookies.filter((c) => c.name.startsWith(salt) && c.value);
  if (chunks.length === 0) return null;
  const suffix = (name: string) => parseInt(name.split(".").pop() || "0") || 0;
  const token = chunks
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((c) => c.value)
    .join("");
  const payload = await decryptToken(token, secret, salt, now);
  if (!payload) return null;
  if (!isWithinLifetime(payload, now) || typeof payload.uid !== "string" || typeof payload.sv !== "number") return null;
  return { uid: payload.uid, sv: payload.sv, expires: sessionEndsAt(payload)! };
}
