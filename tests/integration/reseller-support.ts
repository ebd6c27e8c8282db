import { eq, sql } from "drizzle-orm";
import { agreementVersions } from "@/db/schema";
import { activateFor, db, makeAccount, makeAgreement, makeContract, viewerFor } from "@/tests/support/factories";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { sha256Hex } from "@/lib/security/tokens";

type Party = Awaited<ReturnType<typeof makeAccount>>;

export { activateFor };

/** The distributor terminates through the real domain function (the details screen's action). */
export async function terminate(distributor: Party, contractPublicId: string) {
  await terminateContract(await db(), distributor.viewer, { publicId: contractPublicId, reason: "Partnership ended" });
}

/** TEST SETUP ONLY: the distributor publishes and activates version n+1 of the agreement. */
export async function publishVersion(agreementId: string, content: string) {
  const database = await db();
  return database.transaction(async (tx) => {
    await tx.update(agreementVersions).set({ active: false }).where(eq(agreementVersions.agreementId, agreementId));
    const [v] = await tx
      .insert(agreementVersions)
      .values({
        agreementId,
        number: sql`(select coalesce(max(number), 0) + 1 from agreement_versions where agreement_id = ${agreementId})`,
        content,
        sha256: sha256Hex(content),
        active: true,
      })
      .returning();
    return v;
  });
}

/** A distributor with a service agreement, and a reseller holding an active contract on it. */
export async function distributorWithReseller(grant: { program?: boolean; delegate?: boolean } = {}, reseller?: Party) {
  const distributor = await makeAccount();
  const { agreement, versions } = await makeAgreement(distributor);
  const pending = await makeContract(distributor, agreement.publicId, grant);
  const owner = reseller ?? (await makeAccount({ role: "reseller" }));
  const contract = await activateFor(pending, owner);
  return { distributor, agreement, versions, contract, reseller: owner };
}

/** The reseller as the app would resolve it on the next request. */
export async function fresh(p: Party) {
  return (await viewerFor(p.user.id, p.account.publicId))!;
}
