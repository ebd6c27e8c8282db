import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { agreements, agreementVersions, contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { decodeCursor, keysetPage } from "@/lib/contracts/list-contracts";
import type { AgreementType } from "./schemas";
import { withoutNul } from "@/lib/no-nul";

export const listAgreementsSchema = z.object({
  q: z.string().trim().max(200).transform(withoutNul).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
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

// updated_at carries microseconds; a JS Date would round them away and skip or repeat rows.
const exactUpdatedAt = sql<string>`to_char(${agreements.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of the caller's agreements, most recently changed first: keyset on (updated_at desc, id desc),
 * read backwards for Previous page, exactly like the Contracts list.
 */
export async function listAgreements(db: DbOrTx, viewer: Viewer, input: ListAgreementsInput = {}) {
  const p = listAgreementsSchema.parse(input);
  const cursor = p.cursor ? decodeCursor(p.cursor) : null;
  const back = cursor?.dir === "prev";
  const where: (SQL | undefined)[] = [eq(agreements.ownerAccountId, viewer.accountId)];
  if (p.q) {
    const text = p.q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(or(ilike(agreements.name, `%${text}%`), ilike(agreements.publicId, `${text}%`)));
  }
  if (cursor) {
    const key = sql`(${agreements.updatedAt}, ${agreements.id})`;
    const at = sql`(${cursor.t}::timestamptz, ${cursor.id}::uuid)`;
    where.push(back ? sql`${key} > ${at}` : sql`${key} < ${at}`);
  }
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
      t: exactUpdatedAt,
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
    .orderBy(...(back ? [asc(agreements.updatedAt), asc(agreements.id)] : [desc(agreements.updatedAt), desc(agreements.id)]))
    .limit(p.limit + 1);
  const { page, nextCursor, prevCursor } = keysetPage(found, p.limit, cursor);
  return {
    rows: page.map(({ id: _id, t: _t, ...r }): AgreementListRow => ({ ...r, contracts: Number(r.contracts ?? 0), updatedAt: new Date(r.updatedAt) })),
    nextCursor,
    prevCursor,
  };
}
