import { errorKey } from "@/lib/message-keys";
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRow, type RowOf } from "@/db/query";
import type { ContentKind, ContractKind, ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { namedRef, namedRefColumn, namedRefOrNullColumn, type NamedRef } from "@/lib/data/read-shapes";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { publicIdPattern } from "@/lib/ids";
import type { Permissions } from "@/lib/permissions";
import { activationLink, decryptToken } from "@/lib/security/tokens";
import { signeeWords } from "./signee";

/** "issuer": the distributor's staff; "owner": the reseller that signed (read-only, no internal data). */
export type DetailsMode = "issuer" | "owner";

/** certificateCode: the certificate of acceptance of this signing (lib/evidence), 16 hex digits. */
export type SignedVersion = { number: number; signeeName: string; signedAt: Date; sha256: string; certificateCode: string };

export type ContractDetails = {
  id: string;
  publicId: string;
  status: ContractStatus;
  kind: ContractKind;
  createdAt: Date;
  updatedAt: Date;
  linkExpiresAt: Date;
  linkExpired: boolean;
  issuer: NamedRef;
  owner: NamedRef | null;
  signeeName: string | null;
  /** The signee as every screen words it (lib/contracts/signee.ts). */
  signee: string;
  agreement: NamedRef & {
    versionNumber: number;
    content: string;
    contentKind: ContentKind;
    /** The active version when it is newer than the one this active contract is on. */
    updateVersion: number | null;
  };
  permissions: Permissions;
  noteToSignee: string;
  /** Issuer mode only. */
  internalNote: string | null;
  signeeEmail: string | null;
  /** The language of the signee's emails (issue 24). */
  signeeLocale: Locale;
  /** Issuer mode only, and only while the link can still be used. */
  activationLink: string | null;
  rejectionReason: string | null;
  rejectedAt: Date | null;
  terminationReason: string | null;
  terminatedAt: Date | null;
  signedVersions: SignedVersion[];
  /** Issue 21: the end date (end of its day, UTC), when it expired, and the Test → Production chain. */
  endsAt: Date | null;
  expiredAt: Date | null;
  promotedFrom: string | null;
  promotedTo: string | null;
  /** Proposals waiting for the partner (only while the contract is active). */
  proposals: PendingProposal[];
  /** The agreement's active version (a promotion moves onto it). */
  activeVersionNumber: number | null;
};

export type PendingProposal = {
  id: string;
  kind: "permissions" | "promotion";
  permissions: Permissions | null;
  createdAt: Date;
  expiresAt: Date;
};

const columns = {
  id: col.text,
  publicId: col.text,
  status: col.oneOf<ContractStatus>(),
  kind: col.oneOf<ContractKind>(),
  permissions: col.json<Permissions>(),
  noteToSignee: col.text,
  internalNote: col.textOrNull,
  signeeEmail: col.textOrNull,
  signeeLocale: col.text,
  tokenCiphertext: col.textOrNull,
  linkExpiresAt: col.date,
  linkExpired: col.bool,
  createdAt: col.date,
  updatedAt: col.date,
  rejectionReason: col.textOrNull,
  rejectedAt: col.dateOrNull,
  terminationReason: col.textOrNull,
  terminatedAt: col.dateOrNull,
  issuer: namedRefColumn,
  owner: namedRefOrNullColumn,
  signeeName: col.textOrNull,
  signeeUserEmail: col.textOrNull,
  agreement: col.json<Omit<ContractDetails["agreement"], "updateVersion">>(),
  activeVersionNumber: col.intOrNull,
  signed: col.json<Array<Omit<SignedVersion, "signedAt"> & { signedAt: string }>>(),
  endsAt: col.dateOrNull,
  expiredAt: col.dateOrNull,
  promotedFrom: col.textOrNull,
  promotedTo: col.textOrNull,
  proposals: col.json<Array<Omit<PendingProposal, "createdAt" | "expiresAt"> & { createdAt: string; expiresAt: string }>>(),
};

/**
 * The details row's select, for `publicId` scoped by `scope` (raw SQL on `c`, the contract). Also folded
 * into the details page's single statement with the viewer (lib/page-data.ts).
 */
export function contractDetailsSelect(publicId: string, scope: SQL): SQL {
  return sql`
      select c.id, c.public_id, c.status, c.kind, c.permissions, c.note_to_signee, c.internal_note, c.signee_email, c.signee_locale,
             c.token_ciphertext, c.link_expires_at, c.link_expires_at <= now() as link_expired, c.created_at, c.updated_at,
             c.rejection_reason, c.rejected_at, c.termination_reason, c.terminated_at,
             ${namedRef("ia")} as issuer, ${namedRef("oa")} as owner, su.full_name as signee_name, su.email as signee_user_email,
             jsonb_build_object('publicId', a.public_id, 'name', a.name, 'versionNumber', v.number,
                                'content', v.content, 'contentKind', v.content_kind) as agreement,
             av.number as active_version_number,
             coalesce((select jsonb_agg(jsonb_build_object('number', sv.number, 'signeeName', u2.full_name,
                                        'signedAt', cv.signed_at, 'sha256', cv.sha256,
                                        'certificateCode', cv.certificate_code) order by sv.number desc)
                       from contract_versions cv
                       join agreement_versions sv on sv.id = cv.agreement_version_id
                       join users u2 on u2.id = cv.signed_by_user_id
                       where cv.contract_id = c.id), '[]'::jsonb) as signed,
             c.ends_at, c.expired_at,
             (select p.public_id from contracts p where p.id = c.promoted_from_contract_id) as promoted_from,
             (select s.public_id from contracts s where s.promoted_from_contract_id = c.id) as promoted_to,
             coalesce((select jsonb_agg(jsonb_build_object('id', pr.id, 'kind', pr.kind, 'permissions', pr.permissions,
                                        'createdAt', pr.created_at, 'expiresAt', pr.expires_at) order by pr.created_at)
                       from contract_proposals pr
                       where pr.contract_id = c.id and pr.status = 'pending' and c.status = 'active'), '[]'::jsonb) as proposals
      from contracts c
      join accounts ia on ia.id = c.issuer_account_id
      left join accounts oa on oa.id = c.owner_account_id
      left join users su on su.id = c.signee_user_id
      join agreements a on a.id = c.agreement_id
      join agreement_versions v on v.id = c.agreement_version_id
      left join agreement_versions av on av.agreement_id = c.agreement_id and av.active
      where c.public_id = ${publicId} and ${scope}
      limit 1`;
}

export const contractDetailsColumns = columns;

/**
 * Everything the details screen shows, in one query, scoped to the caller's account as issuer or owner.
 * A missing contract and another tenant's are the same "not found".
 */
export async function getContractDetails(db: DbOrTx, viewer: Viewer, publicId: string, mode: DetailsMode): Promise<ContractDetails> {
  // Not a contract ID (a hand-typed URL, a NUL byte PostgreSQL would reject): no query, same answer as a missing one.
  if (!publicIdPattern.contract.test(publicId)) throw new AppError("not_found", errorKey("contractNotYours"));
  const scope = mode === "issuer" ? sql`c.issuer_account_id = ${viewer.accountId}` : sql`c.owner_account_id = ${viewer.accountId}`;
  const r = await queryRow(db, contractDetailsSelect(publicId, scope), columns, { prepared: true });
  return toContractDetails(r, mode);
}

/** The details from a row read with `contractDetailsColumns`; a missing row is "not found". */
export function toContractDetails(r: RowOf<typeof columns> | undefined, mode: DetailsMode): ContractDetails {
  if (!r) throw new AppError("not_found", errorKey("contractNotYours"));
  const { agreement, activeVersionNumber: active, tokenCiphertext, internalNote, signed, signeeUserEmail, proposals, ...contract } = r;
  const showLink = mode === "issuer" && contract.status === "pending" && !contract.linkExpired && tokenCiphertext !== null;
  return {
    ...contract,
    agreement: {
      ...agreement,
      updateVersion: contract.status === "active" && active !== null && active > agreement.versionNumber ? active : null,
    },
    internalNote: mode === "issuer" ? internalNote : null,
    signeeLocale: isLocale(contract.signeeLocale) ? contract.signeeLocale : "en",
    signee: signeeWords({
      name: contract.signeeName,
      email: signeeUserEmail,
      invitedEmail: contract.signeeEmail,
      pending: contract.status === "pending",
    }),
    activationLink: showLink ? activationLink(decryptToken(tokenCiphertext)) : null,
    signedVersions: signed.map((s) => ({ ...s, number: Number(s.number), signedAt: new Date(s.signedAt) })),
    activeVersionNumber: active,
    proposals: proposals.map((p) => ({ ...p, createdAt: new Date(p.createdAt), expiresAt: new Date(p.expiresAt) })),
  };
}
