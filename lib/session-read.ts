import "server-only";
import { cookies } from "next/headers";
import { decodeSessionCookie, type SessionClaims } from "@/lib/auth-session";
import { authSecret, isProduction } from "@/lib/env";

/**
 * Who signed in, from the Auth.js session cookie of this request: decrypted with a key derived once per
 * secret, never re-encoded (Auth.js's `auth()` runs its whole session endpoint and re-issues the cookie).
 * The caller checks the session version against the database (lib/session.ts getViewer).
 */
export async function readSession(): Promise<SessionClaims | null> {
  return decodeSessionCookie((await cookies()).getAll(), authSecret(), isProduction());
}
