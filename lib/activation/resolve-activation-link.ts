import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col } from "@/db/query";
import {
  accountBranding,
  accounts,
  agreements,
  agreementVersions,
  agreementVersionTexts,
  contracts,
  deletedContractLinks,
} from "@/db/schema";
import type { SignedText } from "@/lib/agreements/version-text";
import type { Locale } from "@/lib/i18n/locales";
import { logoPath } from "@/lib/accounts/brand-url";
import { mayIssue, mergePermissions, type Permissions } from "@/lib/permissions";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";

export type ActivationReview = {
  contractPublicId: string;
  distributorName: string;
  agreementName: string;
  agreementPublicId: string;
  versionNumber: number;
  /** The agreement version signed (its texts per language: lib/agreements/version-text.ts). */
  versionId: string;
  versionContent: string;
  versionContentKind: "markdown" | "link";
  noteToSignee: string;
  kind: "test" | "production";
  permissions: Permissions;
  invitedCompanyName: string | null;
  /** The email the distributor sent the link to, if any: it pre-fills step 1. */
  signeeEmail: string | null;
  linkExpiresAt: Date;
  /** The issuing account's branding (Settings → Branding): its logo's URL and accent colour, if set. */
  brand?: { logoUrl: string | null; accentColor: string | null };
  /** The version's text in the reader's language, when asked for one and the distributor gave it (issue 24). */
  text?: SignedText | null;
};

/**
 * Unknown and regenerated links are deliberately the same state: the page must not tell them apart.
 * "deleted": the distributor deleted the pending contract (its link hash is kept for that answer alone).
 * "withdrawn": the issuer no longer holds what the contract grants (or may no longer invite at all,
 * e.g. its own contract was terminated), so its pending link cannot be activated (docs/security-requirements.md 34).
 */
export type LinkState =
  | { state: "invalid" }
  | { state: "expired" }
  | { state: "withdrawn" }
  | { state: "activated" }
  | { state: "rejected" }
  | { state: "terminated" }
  | { state: "deleted" }
  | { state: "pending"; review: ActivationReview };

/**
 * The version a reseller signs: the agreement's active one, or the contract's own if none is active.
 * Columns are qualified by hand: in an UPDATE's RETURNING drizzle writes a bare "agreement_id", which
 * inside the subquery would mean av.agreement_id, matching any agreement's active version.
 */
export const signedVersionId = sql<string>`coalesce(
  (select av.id from agreement_versions av where av.agreement_id = "contracts"."agreement_id" and av.active limit 1),
  "contracts"."agreement_version_id")`;

/** What the issuer's active contracts grant it, read with the link (qualified by hand, as above). */
const issuerGrants = sql`coalesce(
  (select jsonb_agg(g.permissions) from contracts g where g.owner_account_id = "contracts"."issuer_account_id" and g.status = 'active'),
  '[]'::jsonb)`.mapWith(col.json<Permissions[]>());

/**
 * What an activation link leads to. Read-only (mail scanners open links before people do), and a
 * malformed token never reaches the database. With `locale`, the same statement reads the version's text in
 * that language (the activation page's one statement besides proxy.ts's status check).
 */
export async function resolveActivationLink(db: DbOrTx, token: string, locale?: Locale): Promise<LinkState> {
  if (typeof token !== "string" || !isWellFormedToken(token)) return { state: "invalid" };
  const [row] = await db
    .select({
      status: contracts.status,
      expired: sql`${contracts.linkExpiresAt} <= now()`.mapWith(col.bool),
      contractPublicId: contracts.publicId,
      distributorName: accounts.name,
      agreementName: agreements.name,
      agreementPublicId: agreements.publicId,
      versionNumber: agreementVersions.number,
      versionId: agreementVersions.id,
      versionContent: agreementVersions.content,
      versionContentKind: agreementVersions.contentKind,
      noteToSignee: contracts.noteToSignee,
      kind: contracts.kind,
      permissions: contracts.permissions,
      invitedCompanyName: contracts.invitedCompanyName,
      signeeEmail: contracts.signeeEmail,
      linkExpiresAt: contracts.linkExpiresAt,
      issuerOwn: accounts.permissions,
      issuerGrants,
      issuerPublicId: accounts.publicId,
      brandAccent: accountBranding.accentColor,
      brandLogoHash: accountBranding.logoHash,
      textContent: agreementVersionTexts.content,
      textSha256: agreementVersionTexts.sha256,
    })
    .from(contracts)
    .innerJoin(accounts, eq(accounts.id, contracts.issuerAccountId))
    .leftJoin(accountBranding, eq(accountBranding.accountId, contracts.issuerAccountId))
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .innerJoin(agreementVersions, eq(agreementVersions.id, signedVersionId))
    // Without a language this joins nothing (no text's language is empty): one primary-key probe.
    .leftJoin(
      agreementVersionTexts,
      and(eq(agreementVersionTexts.versionId, agreementVersions.id), eq(agreementVersionTexts.locale, locale ?? "")),
    )
    .where(eq(contracts.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return (await wasDeleted(db, token)) ? { state: "deleted" } : { state: "invalid" };
  // An expired contract (issue 21) was active: its link was used, like an active one's.
  if (row.status === "active" || row.status === "expired") return { state: "activated" };
  if (row.status === "rejected") return { state: "rejected" };
  if (row.status === "terminated") return { state: "terminated" };
  if (row.expired) return { state: "expired" };
  const {
    status: _s,
    expired: _e,
    issuerOwn,
    issuerGrants: grants,
    issuerPublicId,
    brandAccent,
    brandLogoHash,
    textContent,
    textSha256,
    ...review
  } = row;
  const issuer = mergePermissions(issuerOwn, ...grants);
  if (!mayIssue(issuer, review.permissions)) return { state: "withdrawn" };
  const brand = { accentColor: brandAccent, logoUrl: brandLogoHash ? logoPath(issuerPublicId, brandLogoHash) : null };
  const text =
    locale && textContent !== null && textSha256 !== null ? { textLocale: locale, content: textContent, sha256: textSha256 } : null;
  return { state: "pending", review: { ...review, linkExpiresAt: new Date(review.linkExpiresAt), brand, ...(locale ? { text } : {}) } };
}

async function wasDeleted(db: DbOrTx, token: string): Promise<boolean> {
  const [gone] = await db
    .select({ at: deletedContractLinks.deletedAt })
    .from(deletedContractLinks)
    .where(eq(deletedContractLinks.tokenHash, hashToken(token)))
    .limit(1);
  return gone !== undefined;
}
