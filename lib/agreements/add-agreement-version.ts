import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agreementVersions, agreementVersionTexts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { sha256Hex } from "@/lib/security/tokens";
import { lockOwnedAgreement, recordAgreementEvent } from "./access";
import { activateLocked } from "./activate-agreement-version";
import { addVersionSchema, contentKindOf, type AddVersionInput } from "./schemas";

/** Version N+1 of the caller's agreement; with activate, it replaces the active version in the same transaction. */
export async function addAgreementVersion(db: Db, viewer: Viewer, input: AddVersionInput): Promise<{ number: number; active: boolean }> {
  const p = parseOrThrow(addVersionSchema, input);
  return db.transaction(async (tx) => {
    const agreement = await lockOwnedAgreement(tx, viewer, p.agreementId);
    // The agreement row lock makes max(number) + 1 safe against a concurrent add.
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${agreementVersions.number}), 0) + 1`.mapWith(Number) })
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreement.id));
    const [version] = await tx
      .insert(agreementVersions)
      .values({
        agreementId: agreement.id,
        number: next,
        content: p.content,
        contentKind: contentKindOf(p.content),
        sha256: sha256Hex(p.content),
        authorUserId: viewer.userId,
      })
      .returning({ id: agreementVersions.id, number: agreementVersions.number });
    // Issue 24: its texts in other languages, hashed like the version, in the same transaction.
    if (p.texts.length)
      await tx
        .insert(agreementVersionTexts)
        .values(p.texts.map((t) => ({ versionId: version.id, locale: t.locale, content: t.content, sha256: sha256Hex(t.content) })));
    await recordAgreementEvent(tx, viewer, agreement, "version_added", { version: version.number });
    if (p.activate) await activateLocked(tx, viewer, agreement, version.number);
    return { number: version.number, active: p.activate };
  });
}
