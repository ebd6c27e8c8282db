import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agreements, agreementVersions, contracts, type ContractKind } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { enqueueInvitation } from "@/lib/email/messages";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { newId, withFreshPublicId } from "@/lib/ids";
import { contractPermissions, ungrantable, type Permissions } from "@/lib/permissions";
import { activationLink, decryptToken, issueToken } from "@/lib/security/tokens";
import { armFollowUp } from "@/lib/follow-up/arm";
import { countInvitation } from "./invitation-quota";
import { contractParametersSchema, expiryFromDate, type ContractParameters } from "./schemas";

export type CreatedContract = {
  id: string;
  publicId: string;
  activationLink: string;
  agreementName: string;
  agreementPublicId: string;
  versionNumber: number;
  kind: ContractKind;
  permissions: Permissions;
};

/**
 * Creates a pending service contract on one of the caller's own service agreements (its active version),
 * with a fresh activation token stored only as a hash and a ciphertext. Writes the "created" event and,
 * when a signee email is given, queues the invitation, all in one transaction. Every permission it grants
 * is one the issuer holds, and each contract counts against the issuer's daily invitations.
 * Pass `tx` to run inside a larger transaction (Directory's Create Partner).
 */
export async function createContract(
  db: Db,
  viewer: Viewer,
  input: ContractParameters & { invitedCompanyName?: string; creationKey?: string },
  tx?: Tx,
): Promise<CreatedContract> {
  if (!viewer.permissions.agreement.service.create) {
    throw new AppError("forbidden", errorKey("serviceContractsCreateForbidden"));
  }
  const params = parseOrThrow(contractParametersSchema, input);
  const permissions = contractPermissions({ program: params.program, delegate: params.delegate });
  // A contract grants only what its issuer holds (docs/security-requirements.md 34); activation checks it again.
  const refused = ungrantable(permissions, viewer.permissions);
  if (refused.includes("delegate")) {
    throw new AppError("forbidden", errorKey("delegateForbidden"), {
      delegate: errorKey("notAvailableForAccount"),
    });
  }
  if (refused.includes("program")) {
    throw new AppError("forbidden", errorKey("programGrantForbidden"), {
      program: errorKey("notAvailableForAccount"),
    });
  }
  const { token, tokenHash, tokenCiphertext } = issueToken();
  const creationKey = input.creationKey && /^[A-Za-z0-9-]{8,64}$/.test(input.creationKey) ? input.creationKey : null;
  const run = async (t: Tx): Promise<CreatedContract> => {
    if (creationKey) {
      await lockCreationKey(t, viewer.accountId, creationKey);
      const again = await findByCreationKey(t, viewer.accountId, creationKey);
      if (again) return again;
    }
    // Authorization in the query: only the caller's own service agreement with an active version.
    const [agreement] = await t
      .select({
        id: agreements.id,
        publicId: agreements.publicId,
        name: agreements.name,
        versionId: agreementVersions.id,
        versionNumber: agreementVersions.number,
      })
      .from(agreements)
      .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.active, true)))
      .where(
        and(eq(agreements.publicId, params.agreementId), eq(agreements.ownerAccountId, viewer.accountId), eq(agreements.type, "service")),
      )
      .limit(1);
    if (!agreement) {
      throw new AppError("not_found", errorKey("serviceAgreementRequired"), {
        agreementId: errorKey("serviceAgreementRequired"),
      });
    }
    await countInvitation(t, viewer.accountId);
    const row = await withFreshPublicId(newId.contract, async (publicId) => {
      const [r] = await t
        .insert(contracts)
        .values({
          publicId,
          kind: params.kind,
          agreementId: agreement.id,
          agreementVersionId: agreement.versionId,
          issuerAccountId: viewer.accountId,
          createdByUserId: viewer.userId,
          permissions,
          noteToSignee: params.noteToSignee,
          internalNote: params.internalNote ?? null,
          signeeEmail: params.signeeEmail ?? null,
          signeeLocale: params.signeeLocale ?? "en",
          invitedCompanyName: input.invitedCompanyName?.trim() || null,
          creationKey,
          tokenHash,
          tokenCiphertext,
          linkExpiresAt: expiryFromDate(params.linkExpiresOn),
          endsAt: params.endsOn ? expiryFromDate(params.endsOn) : null,
        })
        .onConflictDoNothing({ target: contracts.publicId })
        .returning({ id: contracts.id, publicId: contracts.publicId, kind: contracts.kind, permissions: contracts.permissions });
      return r;
    });
    await recordEvent(t, viewer, {
      type: "contract.created",
      subjectType: "contract",
      subjectId: row.id,
      subjectPublicId: row.publicId,
      data: {
        agreement: agreement.publicId,
        version: agreement.versionNumber,
        kind: params.kind,
        ...(params.endsOn ? { endsAt: expiryFromDate(params.endsOn).toISOString() } : {}),
      },
    });
    await armFollowUp(t, row.id, { remindersEnabled: params.sendReminders });
    if (params.signeeEmail) {
      await enqueueInvitation(t, { contractId: row.id, contractPublicId: row.publicId, to: params.signeeEmail, token });
    }
    return {
      id: row.id,
      publicId: row.publicId,
      activationLink: activationLink(token),
      agreementName: agreement.name,
      agreementPublicId: agreement.publicId,
      versionNumber: agreement.versionNumber,
      kind: row.kind,
      permissions: row.permissions,
    };
  };
  try {
    return tx ? await run(tx) : await db.transaction(run);
  } catch (e) {
    // Two submissions with the same key raced: the loser returns what the winner created.
    if (creationKey && !tx && isUniqueViolation(e, "creation_key")) {
      const again = await findByCreationKey(db, viewer.accountId, creationKey);
      if (again) return again;
    }
    throw e;
  }
}

/**
 * Serializes submissions that share a creation key until the first one commits, so the second sees its
 * result before writing anything (without it, a caller that writes before createContract, like Create
 * Partner's agreement, could keep an orphan). Transaction-scoped; re-entrant within one transaction.
 */
export async function lockCreationKey(t: Tx, issuerAccountId: string, creationKey: string): Promise<void> {
  await t.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${issuerAccountId}:${creationKey}`}, 0))`);
}

/** The contract an earlier submission with this key created (also used by Directory's Create Partner). */
export async function findByCreationKey(db: Db | Tx, issuerAccountId: string, creationKey: string): Promise<CreatedContract | undefined> {
  const [row] = await db
    .select({
      id: contracts.id,
      publicId: contracts.publicId,
      tokenCiphertext: contracts.tokenCiphertext,
      agreementName: agreements.name,
      agreementPublicId: agreements.publicId,
      versionNumber: agreementVersions.number,
      kind: contracts.kind,
      permissions: contracts.permissions,
    })
    .from(contracts)
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .innerJoin(agreementVersions, eq(agreementVersions.id, contracts.agreementVersionId))
    .where(and(eq(contracts.issuerAccountId, issuerAccountId), eq(contracts.creationKey, creationKey)))
    .limit(1);
  if (!row) return undefined;
  const { tokenCiphertext, ...rest } = row;
  return { ...rest, activationLink: tokenCiphertext ? activationLink(decryptToken(tokenCiphertext)) : "" };
}
