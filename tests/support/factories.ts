import { getDb, type Db } from "@/db/client";
import { createAccount } from "@/lib/accounts/create-account";
import { addMembership, createUser } from "@/lib/accounts/create-user";
import { loadViewer, type AccountRole, type Viewer } from "@/lib/accounts/viewer";
import type { Permissions } from "@/lib/permissions";
import { hashPassword } from "@/lib/security/passwords";
import { request, resetRequest, session } from "./next";

export const TEST_PASSWORD = "correct horse battery staple 42";
let seq = 0;
let cachedHash: Promise<string> | undefined;

export async function db(): Promise<Db> {
  return getDb();
}

/** A company with one staff user; returns the viewer as the app would resolve it. */
export async function makeAccount(opts: { role?: AccountRole; name?: string; email?: string; permissions?: Permissions } = {}) {
  const database = await getDb();
  const n = ++seq;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const role = opts.role ?? "distributor";
  const account = await createAccount(database, { name: opts.name ?? `${role} ${n} Inc.`, role, permissions: opts.permissions });
  const user = await createUser(database, {
    email: opts.email ?? `user${n}-${Math.random().toString(36).slice(2, 8)}@example.test`,
    fullName: `User ${n}`,
    passwordHash: await cachedHash,
  });
  await addMembership(database, user.id, account.id);
  const viewer = (await viewerFor(user.id, account.publicId))!;
  return { account, user, viewer };
}

export async function viewerFor(userId: string, accountPublicId?: string): Promise<Viewer | null> {
  return loadViewer(await getDb(), { userId, sessionVersion: 1, accountPublicId, ip: "203.0.113.7", userAgent: "vitest" });
}

/** Makes the next server-action calls run as this user and account (or anonymously with null). */
export function actAs(who: { user: { id: string; sessionVersion?: number }; account: { publicId: string } } | null): void {
  resetRequest();
  if (!who) {
    session.current = null;
    return;
  }
  session.current = { uid: who.user.id, sv: who.user.sessionVersion ?? 1 };
  request.cookies.set("scp_account", who.account.publicId);
}
