import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ContractKind, ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import type { Permissions } from "@/lib/permissions";
import { rowsOf } from "@/lib/security/rate-limit";
import { activationLink, decryptToken } from "@/lib/security/tokens";

/** "issuer": the distributor's staff; "owner": the reseller that signed (read-only, no internal data). */
export type DetailsMode = "issuer" | "owner";

export type SignedVersion = { number: number; signeeName: string; signedAt: Date; sha256: string };

export type ContractDetails = {
  id: string;
  publicId: string;
  status: ContractStatus;
  kind: ContractKind;
  createdAt: Date;
  updatedAt: Date;
  linkExpiresAt: Date;
  linkExpired: boolean;
  issuer: { publicId: string; name: string };
  owner: { publicId: string; name: string } | null;
  signeeName: string | null;
  agreement: {
    publicId: string;
    name: string;
    versionNumber: number;
    content: string;
    contentKind: "markdown" | "link";
    /** The active version when it is newer than the one this active contract is on. */
    updateVersion: number | null;
  };
  permissions: Permissions;
  noteToSignee: string;
  /** Issuer mode only. */
  internalNote: string | null;
  signeeEmail: string | null;
  /** Issuer mode only, and only while the link can still be used. */
  activationLink: string | null;
  rejectionReason: string | null;
  terminationReason: string | null;
  terminatedAt: Date | null;
  signedVersions: SignedVersion[];
};

type Row = Record<string, unknown> & { signed: unknown; permissions: unknown };

const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));
const date = (v: unknown): Date => new Date(v as string);

/**
 * Everything the details screen shows, in one query, scoped to the caller's account as issuer or owner.
 * A missing contract and another tenant's are the same "not found".
 */
export async function getContractDetails(db: DbOrTx, viewer: Viewer, publicId: string, mode: DetailsMode): Promise<ContractDetails> {
  // Not a contract ID (a hand-typed URL, a NUL byte PostgreSQL would reject): no query, same answer as a missing one.
  if (!publicIdPattern.contract.test(publicId)) throw new AppError("not_found", "This contract does not exist, or it is not yours.");
  const scope = mode === "issuer" ? sql`c.issuer_account_id = ${viewer.accountId}` : sql`c.owner_account_id = ${viewer.accountId}`;
  const [r] = rowsOf<Row>(
    await db.execute(sql`
      select c.id, c.public_id, c.status, c.kind, c.permissions, c.note_to_signee, c.internal_note, c.signee_email,
             c.token_ciphertext, c.link_expires_at, c.link_expires_at <= now() as link_expired, c.created_at, c.updated_at,
             c.rejection_reason, c.termination_reason, c.terminated_at,
             ia.public_id as issuer_public_id, ia.name as issuer_name, oa.public_id as owner_public_id, oa.name as owner_name,
             su.full_name as signee_name, a.public_id as agreement_public_id, a.name as agreement_name,
             v.number as version_number, v.content as version_content, v.content_kind as version_content_kind,
             av.number as active_version_number,
             coalesce((select jsonb_agg(jsonb_build_object('number', sv.number, 'signeeName', u2.full_name,
                                        'signedAt', cv.signed_at, 'sha256', cv.sha256) order by sv.number desc)
                       from contract_versions cv
                       join agreement_versions sv on sv.id = cv.agreement_version_id
                       join users u2 on u2.id = cv.signed_by_user_id
                       where cv.contract_id = c.id), '[]'::jsonb) as signed
      from contracts c
      join accounts ia on ia.id = c.issuer_account_id
      left join accounts oa on oa.id = c.owner_account_id
      left join users su on su.id = c.signee_user_id
      join agreements a on a.id = c.agreement_id
      join agreement_versions v on v.id = c.agreement_version_id
      left join agreement_versions av on av.agreement_id = c.agreement_id and av.active
      where c.public_id = ${publicId} and ${scope}
      limit 1`),
  );
  if (!r) throw new AppError("not_found", "This contract does not exist, or it is not yours.");
  const status = r.status as ContractStatus;
  const expired = r.link_expired === true || r.link_expired === "t";
  const versionNumber = Number(r.version_number);
  const activeNumber = r.active_version_number == null ? null : Number(r.active_version_number);
  const showLink = mode === "issuer" && status === "pending" && !expired && typeof r.token_ciphertext === "string";
  return {
    id: r.id as string,
    publicId: r.public_id as string,
    status,
    kind: r.kind as ContractKind,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    linkExpiresAt: date(r.link_expires_at),
    linkExpired: expired,
    issuer: { publicId: r.issuer_public_id as string, name: r.issuer_name as string },
    owner: r.owner_public_id ? { publicId: r.owner_public_id as string, name: r.owner_name as string } : null,
    signeeName: (r.signee_name as string | null) ?? null,
    agreement: {
      publicId: r.agreement_public_id as string,
      name: r.agreement_name as string,
      versionNumber,
      content: r.version_content as string,
      contentKind: r.version_content_kind as "markdown" | "link",
      updateVersion: status === "active" && activeNumber !== null && activeNumber > versionNumber ? activeNumber : null,
    },
    permissions: json<Permissions>(r.permissions),
    noteToSignee: r.note_to_signee as string,
    internalNote: mode === "issuer" ? ((r.internal_note as string | null) ?? null) : null,
    signeeEmail: (r.signee_email as string | null) ?? null,
    activationLink: showLink ? activationLink(decryptToken(r.token_ciphertext as string)) : null,
    rejectionReason: (r.rejection_reason as string | null) ?? null,
    terminationReason: (r.termination_reason as string | null) ?? null,
    terminatedAt: r.terminated_at ? date(r.terminated_at) : null,
    signedVersions: json<Array<Omit<SignedVersion, "signedAt"> & { signedAt: string }>>(r.signed).map((s) => ({ ...s, number: Number(s.number), signedAt: date(s.signedAt) })),
  };
}
