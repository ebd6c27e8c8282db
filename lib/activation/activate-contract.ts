import { errorKey, v } from "@/lib/message-keys";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, agreementVersions, agreementVersionTexts, contracts, contractVersions, memberships } from "@/db/schema";
import { createAccount } from "@/lib/accounts/create-account";
import { effectivePermissionsOf } from "@/lib/accounts/effective-permissions";
import { addMembership, createUser } from "@/lib/accounts/create-user";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { enqueueContractActivated } from "@/lib/email/messages";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { mayIssue } from "@/lib/permissions";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";
import { linkRefusal } from "./link-refusal";
import { prepareSigner, type PreparedSigner, type RequestInfo } from "./prepare-signer";
import { hitActivationLimits } from "./rate-limits";
import { resolveActivationLink, signedVersionId } from "./resolve-activation-link";
import { activationInputSchema, type ActivationInput, type CompanyChoice } from "./schemas";

export const OWN_CONTRACT = errorKey("ownContract");

export type ActivatedContract = { contractPublicId: string; accountPublicId: string; userId: string };

/**
 * The reseller signs: in one transaction, claim the pending contract (compare-and-set, checking expiry),
 * create the user and company as needed, make the contract active on the agreement's active version,
 * record the signature evidence and the event, and queue the mail. Any failure keeps nothing.
 * The issuer must still hold everything the contract grants, and never becomes its owner (docs/security-requirements.md 34).
 */
export async function activateContract(
  db: Db,
  token: string,
  input: ActivationInput,
  info: RequestInfo,
  /**
   * linkPending: the step gate (step-context.ts openStep) has just found the link pending, not read again here.
   * locale: the signee's language; the version's text in it, when the distributor gave one, is what the
   * activation page showed and what is signed (contract_versions.text_locale and its sha256, issue 24).
   */
  opened?: { linkPending?: true; locale?: Locale },
): Promise<ActivatedContract> {
  if (typeof token !== "string" || !isWellFormedToken(token)) throw linkRefusal("invalid");
  const tokenHash = hashToken(token);
  await hitActivationLimits(db, tokenHash, info.ip);
  // An unknown or closed link is refused before any password is hashed or checked (the claim below
  // re-checks it in the transaction whatever happened meanwhile).
  if (!opened?.linkPending) {
    const link = await resolveActivationLink(db, token);
    if (link.state !== "pending") throw linkRefusal(link.state);
  }
  const { signer, company } = parseOrThrow(activationInputSchema, input);
  const prepared = await prepareSigner(db, signer, info);

  return db.transaction(async (tx) => {
    // The first write: whoever gets the row lock first wins; a concurrent activation waits here,
    // then sees the row no longer pending and stops before creating anything.
    const [claimed] = await tx
      .update(contracts)
      .set({ updatedAt: sql`now()` })
      .where(and(eq(contracts.tokenHash, tokenHash), eq(contracts.status, "pending"), sql`${contracts.linkExpiresAt} > now()`))
      .returning({
        id: contracts.id,
        publicId: contracts.publicId,
        issuerAccountId: contracts.issuerAccountId,
        permissions: contracts.permissions,
      });
    if (!claimed) throw linkRefusal((await resolveActivationLink(tx, token)).state);

    // Re-read in this transaction, locked: the issuer may have lost a permission (its own contract
    // terminated) since the link was created or opened, or be losing it right now.
    if (!mayIssue(await effectivePermissionsOf(tx, claimed.issuerAccountId, { lock: true }), claimed.permissions))
      throw linkRefusal("withdrawn");

    // A version activation row-locks the agreement while it switches versions and lists the contracts
    // that need the new one. Sharing that lock here orders the two: either this contract signs the
    // version just activated, or the activation waits, then sees this contract active and emails it.
    await tx.execute(sql`select 1 from agreements where id = (select agreement_id from contracts where id = ${claimed.id}) for share`);
    // The version, and with it (same statement) its text in the reader's language when there is one.
    const [version] = await tx
      .select({
        id: agreementVersions.id,
        number: agreementVersions.number,
        sha256: agreementVersions.sha256,
        contentKind: agreementVersions.contentKind,
        textSha256: agreementVersionTexts.sha256,
      })
      .from(agreementVersions)
      .leftJoin(
        agreementVersionTexts,
        and(
          eq(agreementVersionTexts.versionId, agreementVersions.id),
          eq(agreementVersionTexts.locale, opened?.locale ?? ""),
          eq(agreementVersions.contentKind, "markdown"),
        ),
      )
      .where(eq(agreementVersions.id, tx.select({ versionId: signedVersionId }).from(contracts).where(eq(contracts.id, claimed.id))));
    const signed =
      version.textSha256 !== null && opened?.locale
        ? { textLocale: opened.locale, sha256: version.textSha256 }
        : { textLocale: "default" as const, sha256: version.sha256 };
    const { id: accountId, publicId: accountPublicId } = await companyFor(tx, company, prepared);
    if (accountId === claimed.issuerAccountId) throw new AppError("forbidden", OWN_CONTRACT, { companyId: OWN_CONTRACT });
    const userId = prepared.kind === "new" ? (await createUser(tx, prepared)).id : prepared.userId;
    await addMembership(tx, userId, accountId);

    const now = new Date();
    const [activated] = await tx
      .update(contracts)
      .set({
        status: "active",
        ownerAccountId: accountId,
        signeeUserId: userId,
        agreementVersionId: version.id,
        activatedAt: now,
        updatedAt: now,
      })
      .where(and(eq(contracts.id, claimed.id), eq(contracts.status, "pending")))
      .returning({ id: contracts.id });
    if (!activated) throw linkRefusal("activated");

    await tx.insert(contractVersions).values({
      contractId: claimed.id,
      agreementVersionId: version.id,
      signedByUserId: userId,
      signedAt: now,
      sha256: signed.sha256,
      textLocale: signed.textLocale,
      ip: info.ip,
      userAgent: info.userAgent.slice(0, 500),
    });
    await recordEvent(
      tx,
      { userId, accountId, ip: info.ip, userAgent: info.userAgent },
      {
        type: "contract.activated",
        subjectType: "contract",
        subjectId: claimed.id,
        subjectPublicId: claimed.publicId,
        data: { version: version.number, sha256: signed.sha256 },
      },
    );
    await enqueueContractActivated(tx, claimed.id);
    return { contractPublicId: claimed.publicId, accountPublicId, userId };
  });
}

/** A new reseller company, or one of the signer's own reseller companies (anything else is "not found"). */
async function companyFor(tx: Tx, company: CompanyChoice, signer: PreparedSigner): Promise<{ id: string; publicId: string }> {
  if (company.kind === "new") return createAccount(tx, { name: company.name, role: "reseller", distinctName: true });
  const [own] =
    signer.kind === "known"
      ? await tx
          .select({ id: accounts.id, publicId: accounts.publicId })
          .from(accounts)
          .innerJoin(memberships, and(eq(memberships.accountId, accounts.id), eq(memberships.userId, signer.userId)))
          .where(and(eq(accounts.publicId, company.accountPublicId), eq(accounts.role, "reseller")))
          .limit(1)
      : [];
  if (!own) throw new AppError("not_found", v("chooseCompany"), { companyId: v("chooseCompany") });
  return own;
}
