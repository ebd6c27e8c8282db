/**
 * Fixture links in two closed states the browser cannot reach quickly (written by fixtures.ts before
 * the server starts): a deleted contract's link, and a link already used by the demo reseller Contoso,
 * whose signee can sign in with the demo password.
 */
export type ClosedLinks = { deleted: string; used: string };

export async function closedLinks(db: import("@/db/client").Db): Promise<ClosedLinks> {
  const { eq, sql } = await import("drizzle-orm");
  const { accounts, agreements, contracts, contractVersions, users } = await import("@/db/schema");
  const { loadViewer } = await import("@/lib/accounts/viewer");
  const { createContract } = await import("@/lib/contracts/create-contract");
  const { deleteContract } = await import("@/lib/contracts/delete-contract");
  const { defaultExpiryDate } = await import("@/lib/contracts/schemas");
  const { DEMO_RESELLERS } = await import("@/lib/seed/demo-partners-data");
  const { DEMO } = await import("@/lib/seed/seed-demo");
  const { DEMO_AGREEMENT_NAME } = await import("@/lib/seed/seed-demo-agreement");

  const byEmail = async (email: string) =>
    (
      await db
        .select()
        .from(users)
        .where(eq(sql`lower(${users.email})`, email))
    )[0];
  const staff = await byEmail(DEMO.email);
  const viewer = (await loadViewer(db, { userId: staff.id, sessionVersion: staff.sessionVersion }))!;
  const [agreement] = await db.select().from(agreements).where(eq(agreements.name, DEMO_AGREEMENT_NAME));
  const create = () =>
    createContract(db, viewer, {
      agreementId: agreement.publicId,
      kind: "test",
      noteToSignee: "Closed-link fixture.",
      linkExpiresOn: defaultExpiryDate(),
      program: false,
      delegate: false,
    });
  const token = (link: string) => link.split("/activate/")[1];

  const deleted = await create();
  await deleteContract(db, viewer, { publicId: deleted.publicId });

  // Activated for Contoso as the activation flow would (owner, signee, the signed version).
  const used = await create();
  const signee = await byEmail(DEMO_RESELLERS[0].email);
  const [contoso] = await db.select().from(accounts).where(eq(accounts.name, DEMO_RESELLERS[0].name));
  const [row] = await db
    .update(contracts)
    .set({ status: "active", ownerAccountId: contoso.id, signeeUserId: signee.id, activatedAt: new Date() })
    .where(eq(contracts.id, used.id))
    .returning();
  await db
    .insert(contractVersions)
    .values({ contractId: row.id, agreementVersionId: row.agreementVersionId, signedByUserId: signee.id, sha256: "fixture" });
  return { deleted: token(deleted.activationLink), used: token(used.activationLink) };
}
