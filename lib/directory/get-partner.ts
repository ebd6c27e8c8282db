import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accounts, agreements, agreementVersions, contracts, events, users, type ContractKind, type ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import type { AuditEntry } from "@/lib/audit/catalogue";
import { AppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import type { Permissions } from "@/lib/permissions";

export type PartnerContract = {
  publicId: string;
  agreementName: string;
  agreementPublicId: string;
  versionNumber: number;
  kind: ContractKind;
  status: ContractStatus;
  permissions: Permissions;
  signeeName: string | null;
  signeeEmail: string | null;
  createdAt: Date;
  activatedAt: Date | null;
  terminatedAt: Date | null;
};

export type PartnerEvent = AuditEntry & { id: number; contractPublicId: string | null };

export type PartnerDetails = {
  publicId: string;
  name: string;
  createdAt: Date;
  status: "active" | "terminated" | "expired";
  contracts: PartnerContract[];
  history: PartnerEvent[];
};

export const PARTNER_HISTORY_LIMIT = 200;

/**
 * A reseller account as this distributor sees it: only its contracts issued by the viewer's account,
 * and their events. A reseller with no contract from the viewer is "not found", exactly like a missing
 * one, even if it has contracts with other distributors.
 */
export async function getPartner(db: DbOrTx, viewer: Viewer, publicId: string): Promise<PartnerDetails> {
  if (!publicIdPattern.account.test(publicId)) throw new AppError("not_found");
  const rows = await db
    .select({
      id: contracts.id,
      publicId: contracts.publicId,
      accountPublicId: accounts.publicId,
      accountName: accounts.name,
      accountCreatedAt: accounts.createdAt,
      agreementName: agreements.name,
      agreementPublicId: agreements.publicId,
      versionNumber: agreementVersions.number,
      kind: contracts.kind,
      status: contracts.status,
      permissions: contracts.permissions,
      signeeName: users.fullName,
      signeeEmail: users.email,
      createdAt: contracts.createdAt,
      activatedAt: contracts.activatedAt,
      terminatedAt: contracts.terminatedAt,
    })
    .from(contracts)
    .innerJoin(accounts, eq(accounts.id, contracts.ownerAccountId))
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .innerJoin(agreementVersions, eq(agreementVersions.id, contracts.agreementVersionId))
    .leftJoin(users, eq(users.id, contracts.signeeUserId))
    .where(and(eq(contracts.issuerAccountId, viewer.accountId), eq(accounts.publicId, publicId)))
    .orderBy(desc(contracts.createdAt), desc(contracts.id));
  if (rows.length === 0) throw new AppError("not_found");
  const history = await db
    .select({
      id: events.id,
      type: events.type,
      contractPublicId: events.subjectPublicId,
      at: events.occurredAt,
      userName: users.fullName,
      data: events.data,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.userId))
    .where(
      and(
        eq(events.subjectType, "contract"),
        inArray(
          events.subjectId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(desc(events.occurredAt), desc(events.id))
    .limit(PARTNER_HISTORY_LIMIT);
  const first = rows[0];
  return {
    publicId: first.accountPublicId,
    name: first.accountName,
    createdAt: first.accountCreatedAt,
    status: partnerStatus(rows.map((r) => r.status)),
    contracts: rows.map(({ id: _id, accountPublicId: _a, accountName: _n, accountCreatedAt: _c, ...c }) => c),
    history,
  };
}

/**
 * A partner's status from its contracts with this distributor: Active while one is active; Expired when the
 * others reached their end date and none was terminated; else Terminated (list-partners.ts says it in SQL).
 */
export function partnerStatus(statuses: ContractStatus[]): "active" | "terminated" | "expired" {
  if (statuses.includes("active")) return "active";
  if (statuses.includes("expired") && !statuses.includes("terminated")) return "expired";
  return "terminated";
}
