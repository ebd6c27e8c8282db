import { errorKey } from "@/lib/message-keys";
import { sql, type SQL } from "drizzle-orm";

/**
 * Contracts that are on a version or signed it once: the one count the versions table shows and the
 * delete refusal gives, so the two always agree. Selected alongside "agreement_versions" (qualified by
 * hand: drizzle may write its column bare, which inside the subquery would mean the contract's id).
 */
export function contractsUsingVersion(): SQL<number> {
  const id = sql.raw(`"agreement_versions"."id"`);
  return sql<number>`(select count(*) from contracts uc where uc.agreement_version_id = ${id}
    or exists (select 1 from contract_versions ucv where ucv.contract_id = uc.id and ucv.agreement_version_id = ${id}))`.mapWith(Number);
}

/**
 * What publishing a version would do, counted as activateLocked and enqueueNewVersionToSign pick them:
 * active contracts of the agreement not on the version (asked to sign), and their distinct signees
 * (emailed). Selected alongside "agreement_versions", like contractsUsingVersion.
 */
export const publishCounts = {
  contracts: sql<number>`(select count(*) from contracts pc where pc.agreement_id = "agreement_versions"."agreement_id"
    and pc.status = 'active' and pc.agreement_version_id <> "agreement_versions"."id")`.mapWith(Number),
  signees:
    sql<number>`(select count(distinct pc.signee_user_id) from contracts pc where pc.agreement_id = "agreement_versions"."agreement_id"
    and pc.status = 'active' and pc.agreement_version_id <> "agreement_versions"."id")`.mapWith(Number),
};

export type VersionFacts = { number: number; active: boolean; contracts: number; onlyVersion: boolean };

/** Why a version may not be deleted, in the words the Delete refusal and the disabled Delete both use; null when it may. */
export function deleteRefusal(v: VersionFacts): string | null {
  if (v.onlyVersion) return errorKey("versionDeleteOnly", { number: v.number });
  if (v.active) return errorKey("versionDeleteActive", { number: v.number });
  if (v.contracts > 0) return errorKey("versionDeleteUsed", { number: v.number, contracts: v.contracts });
  return null;
}
