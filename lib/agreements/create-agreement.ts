import "server-only";
import type { Db, Tx } from "@/db/client";
import { agreements, agreementVersions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { newId, withFreshPublicId } from "@/lib/ids";
import { sha256Hex } from "@/lib/security/tokens";
import { assertMayManage, recordAgreementEvent } from "./access";
import { contentKindOf, createAgreementSchema, type CreateAgreementInput } from "./schemas";

export type CreatedAgreement = { id: string; publicId: string; name: string; versionNumber: 1; active: boolean };

/**
 * A new agreement of the caller's account with its version 1 (active unless "Activate version" was cleared).
 * Pass `tx` to run inside a larger transaction (Directory's Create Partner).
 */
export async function createAgreement(db: Db, viewer: Viewer, input: CreateAgreementInput, tx?: Tx): Promise<CreatedAgreement> {
  const p = parseOrThrow(createAgreementSchema, input);
  // Checked on the server whatever the form showed: the type choice is the permission boundary.
  assertMayManage(viewer, p.type);
  const run = async (tx: Tx): Promise<CreatedAgreement> => {
    const agreement = await withFreshPublicId(p.type === "service" ? newId.serviceAgreement : newId.programAgreement, async (publicId) => {
      const [row] = await tx
        .insert(agreements)
        .values({
          publicId,
          type: p.type,
          name: p.name,
          description: p.description,
          ownerAccountId: viewer.accountId,
          createdByUserId: viewer.userId,
        })
        .onConflictDoNothing({ target: agreements.publicId })
        .returning({ id: agreements.id, publicId: agreements.publicId, name: agreements.name });
      return row;
    });
    await tx.insert(agreementVersions).values({
      agreementId: agreement.id,
      number: 1,
      content: p.content,
      contentKind: contentKindOf(p.content),
      sha256: sha256Hex(p.content),
      active: p.activate,
      publishedAt: p.activate ? new Date() : null,
      authorUserId: viewer.userId,
    });
    await recordAgreementEvent(tx, viewer, agreement, "created", { type: p.type, name: p.name, version: 1, active: p.activate });
    return { ...agreement, versionNumber: 1, active: p.activate };
  };
  return tx ? run(tx) : db.transaction(run);
}
