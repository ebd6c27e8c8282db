import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreements, agreementVersions, users, type ContentKind } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import { mayManage } from "./access";
import type { PublishCounts } from "./publish-words";
import { contractsUsingVersion, deleteRefusal, publishCounts } from "./version-usage";

export type AgreementVersionRow = {
  number: number;
  authorName: string | null;
  createdAt: Date;
  active: boolean;
  /** Never active yet: saved, but no reseller was asked to sign it. */
  draft: boolean;
  contentKind: ContentKind;
  sha256: string;
  /** Contracts on this version or that signed it (the count the delete refusal gives). */
  contracts: number;
  /** Why Delete is refused for this version, or null when it may be deleted. */
  deleteRefusal: string | null;
  /** What Publish would do (null for the active version): the Publish confirmation tells these counts. */
  publish: PublishCounts | null;
};

/**
 * The caller's agreement with its versions and the text of one of them (the requested version, else
 * the active one, else the newest). Another account's agreement is not_found, like a missing one.
 */
export async function getAgreement(db: DbOrTx, viewer: Viewer, input: { publicId: string; version?: number }) {
  // The page checks the URL too; a non-ID (a NUL byte PostgreSQL would reject) never reaches a query.
  if (!publicIdPattern.agreement.test(input.publicId)) throw new AppError("not_found", errorKey("agreementNotFound"));
  const [agreement] = await db
    .select({
      id: agreements.id,
      publicId: agreements.publicId,
      name: agreements.name,
      description: agreements.description,
      type: agreements.type,
      createdAt: agreements.createdAt,
      updatedAt: agreements.updatedAt,
    })
    .from(agreements)
    .where(and(eq(agreements.publicId, input.publicId), eq(agreements.ownerAccountId, viewer.accountId)))
    .limit(1);
  if (!agreement) throw new AppError("not_found", errorKey("agreementNotFound"));
  const rows = await db
    .select({
      id: agreementVersions.id,
      number: agreementVersions.number,
      authorName: users.fullName,
      createdAt: agreementVersions.createdAt,
      active: agreementVersions.active,
      contentKind: agreementVersions.contentKind,
      sha256: agreementVersions.sha256,
      publishedAt: agreementVersions.publishedAt,
      contracts: contractsUsingVersion(),
      toSign: publishCounts.contracts,
      toEmail: publishCounts.signees,
    })
    .from(agreementVersions)
    .leftJoin(users, eq(users.id, agreementVersions.authorUserId))
    .where(eq(agreementVersions.agreementId, agreement.id))
    .orderBy(asc(agreementVersions.number));
  const active = rows.find((v) => v.active) ?? null;
  const shownRow = rows.find((v) => v.number === input.version) ?? active ?? rows[rows.length - 1];
  const [shown] = shownRow
    ? await db.select({ content: agreementVersions.content }).from(agreementVersions).where(eq(agreementVersions.id, shownRow.id))
    : [];
  return {
    ...agreement,
    canManage: mayManage(viewer, agreement.type),
    versions: rows.map(({ id: _id, publishedAt, toSign, toEmail, ...v }): AgreementVersionRow => ({
      ...v,
      publish: v.active ? null : { contracts: toSign, signees: toEmail },
      draft: publishedAt === null && !v.active,
      deleteRefusal: deleteRefusal({ ...v, onlyVersion: rows.length === 1 }),
    })),
    activeVersion: active?.number ?? null,
    shown: shownRow
      ? { number: shownRow.number, active: shownRow.active, contentKind: shownRow.contentKind, content: shown.content }
      : null,
    /** Active contracts not on the active version: their signees see "Updates available". */
    contractsWithUpdates: active?.toSign ?? 0,
  };
}
export type AgreementDetails = Awaited<ReturnType<typeof getAgreement>>;
