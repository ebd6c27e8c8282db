import "server-only";
import { and, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { agreements, agreementVersions, contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { cursorParam, decodeCursor, exactInstant, keysetPage, keysetQuery } from "@/lib/data/keyset";
import { containing, startingWith } from "@/lib/data/like";
import { withoutNul } from "@/lib/no-nul";
import type { AgreementType } from "./schemas";

export const listAgreementsSchema = z.object({
  q: z.string().trim().max(200).transform(withoutNul).optional().catch(undefined),
  /** "-updated" (the default): most recently changed first; "updated": least recently changed first. */
  sort: z.enum(["-updated", "updated"]).default("-updated").catch("-updated"),
  cursor: cursorParam,
  limit: z.coerce.number().int().min(1).max(100).default(20).catch(20),
});
export type ListAgreementsInput = z.input<typeof listAgreementsSchema>;

export type AgreementListRow = {
  publicId: string;
  name: string;
  type: AgreementType;
  activeVersion: number | null;
  contracts: number;
  updatedAt: Date;
};

/**
 * One page of the caller's agreements, most recently changed first: keyset on (updated_at desc, id desc),
 * read backwards for Previous page, exactly like the Contracts list.
 */
export async function listAgreements(db: DbOrTx, viewer: Viewer, input: ListAgreementsInput = {}) {
  const p = listAgreementsSchema.parse(input);
  const cursor = decodeCursor(p.cursor);
  // Served by agreements_owner_updated_idx (ascending), read backwards for the newest first.
  const keyset = keysetQuery({ at: agreements.updatedAt, id: agreements.id }, cursor, "asc nulls last", p.sort === "updated");
  const where: (SQL | undefined)[] = [eq(agreements.ownerAccountId, viewer.accountId), keyset.where];
  if (p.q) where.push(or(ilike(agreements.name, containing(p.q)), ilike(agreements.publicId, startingWith(p.q))));
  // Joins (not correlated subqueries) so every column is table-qualified; counts are only for this account.
  const perAgreement = db
    .select({ agreementId: contracts.agreementId, n: count().as("n") })
    .from(contracts)
    .where(eq(contracts.issuerAccountId, viewer.accountId))
    .groupBy(contracts.agreementId)
    .as("per_agreement");
  const found = await db
    .select({
      id: agreements.id,
      t: exactInstant(agreements.updatedAt),
      publicId: agreements.publicId,
      name: agreements.name,
      type: agreements.type,
      updatedAt: agreements.updatedAt,
      activeVersion: agreementVersions.number,
      contracts: perAgreement.n,
    })
    .from(agreements)
    .leftJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.active, true)))
    .leftJoin(perAgreement, eq(perAgreement.agreementId, agreements.id))
    .where(and(...where))
    .orderBy(...keyset.orderBy)
    .limit(p.limit + 1);
  const { page, nextCursor, prevCursor } = keysetPage(found, p.limit, cursor);
  return {
    rows: page.map(({ id: _id, t: _t, ...r }): AgreementListRow => ({
      ...r,
      contracts: Number(r.contracts ?? 0),
      updatedAt: new Date(r.updatedAt),
    })),
    nextCursor,
    prevCursor,
  };
}
