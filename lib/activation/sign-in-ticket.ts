import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { authSecret } from "@/lib/env";
import { derivedKey } from "@/lib/security/derived-key";

export const ACTIVATION_SIGN_IN_PROVIDER = "activation-ticket";
const TICKET_SECONDS = 60;

function mac(body: string): Buffer {
  return createHmac("sha256", derivedKey(authSecret(), "activation-sign-in-v1")).update(body).digest();
}

/**
 * After Activate the signer is signed in without their password: the activation never keeps it (a new
 * user's was hashed at the user step, an existing user's was checked there). The ticket is made and
 * used inside one server action (Auth.js `signIn` runs in process, the ticket never reaches the
 * browser) and lives a minute. Forging one needs AUTH_SECRET.
 */
export function issueSignInTicket(userId: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ uid: userId, exp: Math.floor(now / 1000) + TICKET_SECONDS })).toString("base64url");
  return `${body}.${mac(body).toString("base64url")}`;
}

export type TicketUser = { id: string; email: string; name: string; sessionVersion: number };

/** The user a valid, unexpired ticket names, or null. */
export async function userForTicket(db: DbOrTx, ticket: unknown, now = Date.now()): Promise<TicketUser | null> {
  if (typeof ticket !== "string" || ticket.length > 1024) return null;
  const [body, signature] = ticket.split(".");
  if (!body || !signature) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = mac(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: { uid?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof claims.uid !== "string" || typeof claims.exp !== "number" || claims.exp * 1000 <= now) return null;
  const [user] = await db.select().from(users).where(eq(users.id, claims.uid)).limit(1);
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.fullName, sessionVersion: user.sessionVersion };
}

/** The Auth.js provider lib/auth.ts lists next to the password sign-in. */
export const activationTicketProvider = Credentials({
  id: ACTIVATION_SIGN_IN_PROVIDER,
  name: "Activation",
  credentials: { ticket: {} },
  authorize: async (credentials) => userForTicket(await getDb(), credentials?.ticket),
});
