import { getDb, type Db } from "@/db/client";
import { createAccount } from "@/lib/accounts/create-account";
import { addMembership, createUser } from "@/lib/accounts/create-user";
import { loadViewer, type AccountRole, type MemberRole, type Viewer } from "@/lib/accounts/viewer";
import type { Permissions } from "@/lib/permissions";
import { hashPassword } from "@/lib/security/passwords";
import { request, resetRequest, session } from "./next";

export const TEST_PASSWORD = "amber tractor sings under seven moons";
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

/** Another user of an existing account, with the given role (Owner, Admin, Member or Read-only). */
export async function makeMember<A extends { id: string; publicId: string }>(owner: { account: A }, memberRole: MemberRole) {
  const database = await getDb();
  const n = ++seq;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const user = await createUser(database, {
    email: `member${n}-${Math.random().toString(36).slice(2, 8)}@example.test`,
    fullName: `Member ${n}`,
    passwordHash: await cachedHash,
  });
  await addMembership(database, user.id, owner.account.id, memberRole);
  const viewer = (await viewerFor(user.id, owner.account.publicId))!;
  return { account: owner.account, user, viewer };
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

/**
 * A service (or program) agreement owned by the account, inserted directly, with `versions` versions
 * of which `active` (1-based) is active. Feature code uses lib/agreements; this only sets up tests.
 */
export async function makeAgreement(
  owner: { account: { id: string }; user: { id: string } },
  opts: { type?: "service" | "program"; name?: string; versions?: number; active?: number | null } = {},
) {
  const { agreements, agreementVersions } = await import("@/db/schema");
  const { newId } = await import("@/lib/ids");
  const { sha256Hex } = await import("@/lib/security/tokens");
  const database = await getDb();
  const type = opts.type ?? "service";
  const [agreement] = await database
    .insert(agreements)
    .values({
      publicId: type === "service" ? newId.serviceAgreement() : newId.programAgreement(),
      type,
      name: opts.name ?? `Agreement ${++seq}`,
      description: "Terms for resellers.",
      ownerAccountId: owner.account.id,
      createdByUserId: owner.user.id,
    })
    .returning();
  const versions = [];
  const count = opts.versions ?? 1;
  const active = opts.active === undefined ? 1 : opts.active;
  for (let n = 1; n <= count; n++) {
    const content = `# ${agreement.name}\n\nVersion ${n} of the terms.`;
    const [v] = await database
      .insert(agreementVersions)
      .values({
        agreementId: agreement.id,
        number: n,
        content,
        sha256: sha256Hex(content),
        active: n === active,
        publishedAt: n === active ? new Date() : null,
        authorUserId: owner.user.id,
      })
      .returning();
    versions.push(v);
  }
  return { agreement, versions };
}

/** A pending contract through the real createContract, with sensible defaults. */
export async function makeContract(
  issuer: { viewer: Viewer },
  agreementPublicId: string,
  overrides: Partial<import("@/lib/contracts/schemas").ContractParameters> & { creationKey?: string } = {},
) {
  const { createContract } = await import("@/lib/contracts/create-contract");
  const { defaultExpiryDate } = await import("@/lib/contracts/schemas");
  return createContract(await getDb(), issuer.viewer, {
    agreementId: agreementPublicId,
    kind: "production",
    noteToSignee: "Welcome aboard.",
    linkExpiresOn: defaultExpiryDate(),
    program: false,
    delegate: false,
    ...overrides,
  });
}

/** The token inside an activation link. */
export function tokenOf(link: string): string {
  return link.split("/activate/")[1];
}

/**
 * TEST SETUP ONLY: activates a pending contract for an existing reseller account, as the activation
 * flow would (owner, signee, activatedAt, the signed version row), so one reseller can hold several.
 */
export async function activateFor(contract: { id: string }, reseller: { account: { id: string }; user: { id: string } }) {
  const { contracts, contractVersions, agreementVersions } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const database = await getDb();
  const [row] = await database
    .update(contracts)
    .set({
      status: "active",
      ownerAccountId: reseller.account.id,
      signeeUserId: reseller.user.id,
      activatedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(contracts.id, contract.id))
    .returning();
  const [version] = await database.select().from(agreementVersions).where(eq(agreementVersions.id, row.agreementVersionId));
  await database
    .insert(contractVersions)
    .values({ contractId: row.id, agreementVersionId: version.id, signedByUserId: reseller.user.id, sha256: version.sha256 });
  return row;
}

/** TEST SETUP ONLY: a new reseller account that has activated the contract. */
export async function makeActiveContract(contract: { id: string }, resellerOpts: Parameters<typeof makeAccount>[0] = {}) {
  const reseller = await makeAccount({ role: "reseller", ...resellerOpts });
  return { reseller, contract: await activateFor(contract, reseller) };
}
