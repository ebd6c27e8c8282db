import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ContractKind, ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import type { Permissions } from "@/lib/permissions";
import { rowsOf } from "@/lib/security/rate-limit";

export type OwnedContract = {
  publicId: string;
  status: ContractStatus;
  kind: ContractKind;
  distributor: { publicId: string; name: string };
  agreement: { publicId: string; name: string };
  versionNumber: number;
  /** The agreement's active version when this active contract is on another one ("Updates available"). */
  updateVersion: number | null;
  permissions: Permissions;
  activatedAt: Date | null;
};

type Row = {
  public_id: string;
  status: ContractStatus;
  kind: ContractKind;
  issuer_public_id: string;
  issuer_name: string;
  agreement_public_id: string;
  agreement_name: string;
  version_number: number | string;
  active_version_id: string | null;
  active_version_number: number | string | null;
  agreement_version_id: string;
  permissions: Permissions | string;
  activated_at: string | Date | null;
};

/**
 * The caller's contracts from every distributor: only those it owns (signed), never another
 * reseller's nor the distributor's other contracts. Active first, then newest.
 */
export async function listOwnedContracts(db: DbOrTx, viewer: Viewer): Promise<OwnedContract[]> {
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select c.public_id, c.status, c.kind, c.permissions, c.activated_at, c.agreement_version_id,
             ia.public_id as issuer_public_id, ia.name as issuer_name,
             a.public_id as agreement_public_id, a.name as agreement_name,
             v.number as version_number, av.id as active_version_id, av.number as active_version_number
      from contracts c
      join accounts ia on ia.id = c.issuer_account_id
      join agreements a on a.id = c.agreement_id
      join agreement_versions v on v.id = c.agreement_version_id
      left join agreement_versions av on av.agreement_id = c.agreement_id and av.active
      where c.owner_account_id = ${viewer.accountId}
      order by (c.status = 'active') desc, c.activated_at desc nulls last, c.id
      limit 500`),
  );
  return rows.map((r) => ({
    publicId: r.public_id,
    status: r.status,
    kind: r.kind,
    distributor: { publicId: r.issuer_public_id, name: r.issuer_name },
    agreement: { publicId: r.agreement_public_id, name: r.agreement_name },
    versionNumber: Number(r.version_number),
    updateVersion:
      r.status === "active" && r.active_version_id !== null && r.active_version_id !== r.agreement_version_id ? Number(r.active_version_number) : null,
    permissions: typeof r.permissions === "string" ? (JSON.parse(r.permissions) as Permissions) : r.permissions,
    activatedAt: r.activated_at ? new Date(r.activated_at) : null,
  }));
}

export type PermissionSource = { label: string; contracts: { publicId: string; distributor: string }[] };

/**
 * Each permission the account holds and where it came from: the account itself, or which active
 * contract from which distributor. Mirrors loadViewer's merge, so what is listed is what is enforced.
 */
export function permissionSources(viewer: Pick<Viewer, "permissions">, owned: OwnedContract[]): PermissionSource[] {
  const keys: { label: string; has: (p: Permissions) => boolean }[] = [
    { label: "Create and manage program agreements", has: (p) => p.agreement.program.create },
    { label: "Create service agreements and service contracts (invite your own resellers)", has: (p) => p.agreement.service.create },
    { label: "Delegate service contract creation to the resellers you invite", has: (p) => p.agreement.service.delegate },
  ];
  const active = owned.filter((c) => c.status === "active");
  return keys
    .filter((k) => k.has(viewer.permissions))
    .map((k) => ({
      label: k.label,
      contracts: active.filter((c) => k.has(c.permissions)).map((c) => ({ publicId: c.publicId, distributor: c.distributor.name })),
    }));
}
