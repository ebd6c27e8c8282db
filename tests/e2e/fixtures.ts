/**
 * Data the browser cannot make, written into the server's database before `next start` opens it:
 * the demo data (the server's own SEED_DEMO=force seeding is idempotent, so it changes nothing) and a
 * contract whose activation link expired yesterday. Runs in vitest's main process with the app's code.
 */
import { closedLinks, type ClosedLinks } from "./closed-links";

export const EXPIRED_NOTE = "Expired-link fixture: this note must never be shown.";

/** Another distributor's objects: the demo staff user must get a 404 status for each of their pages. */
export type ForeignObjects = { contract: string; agreement: string; account: string };

export type Fixtures = { expiredToken: string; foreign: ForeignObjects; closedLinks: ClosedLinks };

/** `dbEnv` is what the server will get: PGLITE_DATA_DIR or DATABASE_URL, and the secrets. */
export async function prepareFixtures(dbEnv: Record<string, string>): Promise<Fixtures> {
  const saved = { ...process.env };
  // The app's db code reads these at first use; the main process gets its own environment back after.
  delete process.env.DATABASE_URL;
  Object.assign(process.env, dbEnv);
  const { closeDb, getDb } = await import("@/db/client");
  try {
    const db = await getDb(); // opens and migrates
    const expiredToken = await expiredContract(db); // seeds the demo first
    return { expiredToken, foreign: await foreignObjects(db), closedLinks: await closedLinks(db) };
  } finally {
    // PGlite is single-process: the folder must be released before `next start` opens it.
    await closeDb();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

async function expiredContract(db: import("@/db/client").Db): Promise<string> {
  const { eq, sql } = await import("drizzle-orm");
  const { agreements, contracts, users } = await import("@/db/schema");
  const { loadViewer } = await import("@/lib/accounts/viewer");
  const { createContract } = await import("@/lib/contracts/create-contract");
  const { defaultExpiryDate } = await import("@/lib/contracts/schemas");
  const { DEMO, seedDemo } = await import("@/lib/seed/seed-demo");
  const { DEMO_AGREEMENT_NAME } = await import("@/lib/seed/seed-demo-agreement");

  await seedDemo(db);
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, DEMO.email));
  const viewer = await loadViewer(db, { userId: user.id, sessionVersion: user.sessionVersion });
  const [agreement] = await db.select().from(agreements).where(eq(agreements.name, DEMO_AGREEMENT_NAME));
  if (!viewer || !agreement) throw new Error("e2e fixtures: the demo distributor or its agreement is missing");
  // The real Create Contract (token issued and encrypted as always), then the expiry moved to yesterday.
  const created = await createContract(db, viewer, {
    agreementId: agreement.publicId,
    kind: "production",
    noteToSignee: EXPIRED_NOTE,
    linkExpiresOn: defaultExpiryDate(),
    program: false,
    delegate: false,
  });
  await db
    .update(contracts)
    .set({ linkExpiresAt: new Date(Date.now() - 86_400_000) })
    .where(eq(contracts.id, created.id));
  return created.activationLink.split("/activate/")[1];
}

async function foreignObjects(db: import("@/db/client").Db): Promise<ForeignObjects> {
  const { createAccount } = await import("@/lib/accounts/create-account");
  const { addMembership, createUser } = await import("@/lib/accounts/create-user");
  const { loadViewer } = await import("@/lib/accounts/viewer");
  const { createAgreement } = await import("@/lib/agreements/create-agreement");
  const { createContract } = await import("@/lib/contracts/create-contract");
  const { defaultExpiryDate } = await import("@/lib/contracts/schemas");

  // Nobody signs in as this user, so its password hash is never checked.
  const account = await createAccount(db, { name: "Foreign Distribution Ltd.", role: "distributor" });
  const user = await createUser(db, { email: `foreign-${Date.now()}@example.test`, fullName: "Fran Foreign", passwordHash: "unusable" });
  await addMembership(db, user.id, account.id);
  const viewer = await loadViewer(db, { userId: user.id, sessionVersion: user.sessionVersion, accountPublicId: account.publicId });
  if (!viewer) throw new Error("e2e fixtures: the foreign distributor did not load");
  const agreement = await createAgreement(db, viewer, {
    type: "service",
    name: "Foreign Terms",
    description: "Not Northwind's.",
    content: "# Foreign terms",
  });
  const contract = await createContract(db, viewer, {
    agreementId: agreement.publicId,
    kind: "test",
    noteToSignee: "Hi",
    linkExpiresOn: defaultExpiryDate(),
  });
  return { contract: contract.publicId, agreement: agreement.publicId, account: account.publicId };
}
