import { permissionWord } from "@/lib/message-keys";
import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRows } from "@/db/query";
import type { ContractKind, ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { namedRef, namedRefColumn, type NamedRef } from "@/lib/data/read-shapes";
import type { Permissions } from "@/lib/permissions";

export type OwnedContract = {
  publicId: string;
  status: ContractStatus;
  kind: ContractKind;
  distributor: NamedRef;
  agreement: NamedRef;
  versionNumber: number;
  /** The agreement's active version when this active contract is on another one ("Updates available"). */
  updateVersion: number | null;
  permissions: Permissions;
  activatedAt: Date | null;
  /** Issue 21: proposals waiting for this company's acceptance (wider permissions, promotion). */
  proposalsWaiting: number;
};

/**
 * The caller's contracts from every distributor: only those it owns (signed), never another
 * reseller's nor the distributor's other contracts. Active first, then newest.
 */
export async function listOwnedContracts(db: DbOrTx, viewer: Viewer): Promise<OwnedContract[]> {
  const rows = await queryRows(
    db,
    sql`
      select c.public_id, c.status, c.kind, c.permissions, c.activated_at, c.agreement_version_id,
             ${namedRef("ia")} as distributor, ${namedRef("a")} as agreement,
             v.number as version_number, av.id as active_version_id, av.number as active_version_number,
             (select count(*) from contract_proposals pr
              where pr.contract_id = c.id and pr.status = 'pending' and c.status = 'active') as proposals_waiting
      from contracts c
      join accounts ia on ia.id = c.issuer_account_id
      join agreements a on a.id = c.agreement_id
      join agreement_versions v on v.id = c.agreement_version_id
      left join agreement_versions av on av.agreement_id = c.agreement_id and av.active
      where c.owner_account_id = ${viewer.accountId}
      order by (c.status = 'active') desc, c.activated_at desc nulls last, c.id
      limit 500`,
    {
      publicId: col.text,
      status: col.oneOf<ContractStatus>(),
      kind: col.oneOf<ContractKind>(),
      distributor: namedRefColumn,
      agreement: namedRefColumn,
      versionNumber: col.int,
      activeVersionId: col.textOrNull,
      activeVersionNumber: col.intOrNull,
      agreementVersionId: col.text,
      permissions: col.json<Permissions>(),
      activatedAt: col.dateOrNull,
      proposalsWaiting: col.int,
    },
  );
  return rows.map(({ activeVersionId, activeVersionNumber, agreementVersionId, ...r }) => ({
    ...r,
    updateVersion: r.status === "active" && activeVersionId !== null && activeVersionId !== agreementVersionId ? activeVersionNumber : null,
  }));
}

export type PermissionSource = { label: string; contracts: { publicId: string; distributor: string }[] };

/**
 * Each permission the account holds and where it came from: the account itself, or which active
 * contract from which distributor. Mirrors loadViewer's merge, so what is listed is what is enforced.
 */
export function permissionSources(viewer: Pick<Viewer, "permissions">, owned: OwnedContract[]): PermissionSource[] {
  const keys: { label: string; has: (p: Permissions) => boolean }[] = [
    { label: permissionWord("programCreate"), has: (p) => p.agreement.program.create },
    { label: permissionWord("serviceCreate"), has: (p) => p.agreement.service.create },
    { label: permissionWord("serviceDelegate"), has: (p) => p.agreement.service.delegate },
  ];
  const active = owned.filter((c) => c.status === "active");
  return keys
    .filter((k) => k.has(viewer.permissions))
    .map((k) => ({
      label: k.label,
      contracts: active.filter((c) => k.has(c.permissions)).map((c) => ({ publicId: c.publicId, distributor: c.distributor.name })),
    }));
}
