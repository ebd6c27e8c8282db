import "server-only";
import { and, eq, ilike, like, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { accounts, agreements, contracts, contractKinds, contractStatuses, type ContractKind, type ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { publicIdPattern } from "@/lib/ids";
import { withoutNul } from "@/lib/no-nul";

export const listContractsSchema = z.object({
  status: z.enum(contractStatuses).optional().catch(undefined),
  kind: z.enum(contractKinds).optional().catch(undefined),
  q: z.string().trim().transform((v) => withoutNul(v).slice(0, 200)).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});
export type ListContractsInput = z.input<typeof listContractsSchema>;

export type ContractListRow = {
  publicId: string;
  agreementName: string;
  agreementPublicId: string;
  /** The owner account once active; otherwise who was invited (company name or email), shown greyed. */
  partner: { name: string; invited: boolean } | null;
  kind: ContractKind;
  status: ContractStatus;
  createdAt: Date;
  updatedAt: Date;
};

export type ContractListPage = { rows: ContractListRow[]; nextCursor: string | null; prevCursor: string | null };

type Cursor = { t: string; id: string; dir: "next" | "prev" };

// created_at carries microseconds; a JS Date would round them away and skip or repeat rows.
const exactCreatedAt = sql<string>`to_char(${contracts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of the issuer's contracts, newest first, in ONE statement. Keyset pagination on
 * (created_at desc, id desc) served by the contracts_issuer_*_created_idx indexes: no OFFSET, no count.
 */
export async function listContracts(db: DbOrTx, viewer: Viewer, input: ListContractsInput = {}): Promise<ContractListPage> {
  const p = listContractsSchema.parse(input);
  const cursor = p.cursor ? decodeCursor(p.cursor) : null;
  const { page, nextCursor, prevCursor } = keysetPage(await contractsPageQuery(db, viewer, p, cursor), p.limit, cursor);
  return { rows: page.map(toRow), nextCursor, prevCursor };
}

/** The page's single statement (exported so a test can EXPLAIN it). */
export function contractsPageQuery(db: DbOrTx, viewer: Viewer, p: z.output<typeof listContractsSchema>, cursor: Cursor | null) {
  const back = cursor?.dir === "prev";
  const where: (SQL | undefined)[] = [eq(contracts.issuerAccountId, viewer.accountId)];
  if (p.status) where.push(eq(contracts.status, p.status));
  if (p.kind) where.push(eq(contracts.kind, p.kind));
  if (p.q) where.push(searchCondition(viewer, p.q));
  if (cursor) {
    where.push(
      back
        ? sql`(${contracts.createdAt}, ${contracts.id}) > (${cursor.t}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${contracts.createdAt}, ${contracts.id}) < (${cursor.t}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  // The indexes are "created_at DESC NULLS LAST, id DESC NULLS LAST"; a bare DESC means NULLS FIRST and
  // would make Postgres sort every matching row instead of reading the index (the columns are NOT NULL,
  // but the planner does not use that). Backwards pages read the same index in reverse.
  const order = back
    ? [sql`${contracts.createdAt} asc nulls first`, sql`${contracts.id} asc nulls first`]
    : [sql`${contracts.createdAt} desc nulls last`, sql`${contracts.id} desc nulls last`];
  return db
    .select({
      id: contracts.id,
      t: exactCreatedAt,
      publicId: contracts.publicId,
      agreementName: agreements.name,
      agreementPublicId: agreements.publicId,
      ownerName: accounts.name,
      invitedCompanyName: contracts.invitedCompanyName,
      signeeEmail: contracts.signeeEmail,
      kind: contracts.kind,
      status: contracts.status,
      createdAt: contracts.createdAt,
      updatedAt: contracts.updatedAt,
    })
    .from(contracts)
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .leftJoin(accounts, eq(accounts.id, contracts.ownerAccountId))
    .where(and(...where))
    .orderBy(...order)
    .limit(p.limit + 1);
}

/**
 * Matching agreements and accounts are resolved first (small, indexed subqueries); the only
 * wildcard match on contracts' own columns runs behind the issuer filter.
 */
function searchCondition(viewer: Viewer, q: string): SQL | undefined {
  const text = escapeLike(q);
  // A whole ID is an indexed equality; a partial one a prefix match behind the issuer filter.
  if (publicIdPattern.contract.test(q.toUpperCase())) return eq(contracts.publicId, q.toUpperCase());
  if (/^crs/i.test(q)) return like(contracts.publicId, `${text.toUpperCase()}%`);
  const contains = `%${text}%`;
  return or(
    sql`${contracts.agreementId} in (select ${agreements.id} from ${agreements} where ${agreements.ownerAccountId} = ${viewer.accountId}
      and (${agreements.name} ilike ${contains} or ${agreements.publicId} ilike ${`${text}%`}))`,
    sql`${contracts.ownerAccountId} in (select ${accounts.id} from ${accounts} where ${accounts.name} ilike ${contains})`,
    sql`lower(${contracts.signeeEmail}) like lower(${contains})`,
    ilike(contracts.invitedCompanyName, contains),
  );
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toRow(r: {
  publicId: string;
  agreementName: string;
  agreementPublicId: string;
  ownerName: string | null;
  invitedCompanyName: string | null;
  signeeEmail: string | null;
  kind: ContractKind;
  status: ContractStatus;
  createdAt: Date;
  updatedAt: Date;
}): ContractListRow {
  const invited = r.invitedCompanyName || r.signeeEmail;
  return {
    publicId: r.publicId,
    agreementName: r.agreementName,
    agreementPublicId: r.agreementPublicId,
    partner: r.ownerName ? { name: r.ownerName, invited: false } : invited ? { name: invited, invited: true } : null,
    kind: r.kind,
    status: r.status,
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

/**
 * Turns the `limit + 1` rows a keyset query fetched into a page with its Previous/Next cursors.
 * A "prev" cursor's query reads backwards (ascending), so its rows come back reversed into display order;
 * the extra row only tells whether there is more in the direction read.
 */
export function keysetPage<T extends { t: string; id: string }>(found: T[], limit: number, cursor: Cursor | null) {
  const back = cursor?.dir === "prev";
  const more = found.length > limit;
  const page = found.slice(0, limit);
  if (back) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  return {
    page,
    nextCursor: last && (back || more) ? encodeCursor({ t: last.t, id: last.id, dir: "next" }) : null,
    prevCursor: first && (back ? more : cursor !== null) ? encodeCursor({ t: first.t, id: first.id, dir: "prev" }) : null,
  };
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.dir}|${c.t}|${c.id}`).toString("base64url");
}

/** A malformed or tampered cursor is ignored (first page), never sent to the database as is. */
export function decodeCursor(raw: string): Cursor | null {
  const [dir, t, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (dir !== "next" && dir !== "prev") return null;
  if (!isExactInstant(t ?? "")) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id ?? "")) return null;
  return { dir, t, id };
}

/**
 * The shape alone lets month 13, February 30 or year 0 through, which PostgreSQL refuses with an error
 * (a 500); only an instant that reads back unchanged through Date is a real one.
 */
function isExactInstant(t: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(t) || t.startsWith("0000")) return false;
  const at = new Date(`${t.slice(0, 19)}Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 19) === t.slice(0, 19);
}
