import "server-only";
import { and, eq, inArray, isNotNull, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { col, type RowOf } from "@/db/query";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { prepared } from "@/db/prepared";
import { accounts, agreements, contracts, contractKinds, contractStatuses, type ContractKind, type ContractStatus } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { cursorParam, decodeCursor, exactInstant, keysetPage, keysetQuery, type Cursor } from "@/lib/data/keyset";
import { containing, startingWith } from "@/lib/data/like";
import { publicIdPattern } from "@/lib/ids";
import { withoutNul } from "@/lib/no-nul";

export const contractSorts = ["-created", "created", "-updated", "updated"] as const;
export type ContractSort = (typeof contractSorts)[number];

export const listContractsSchema = z.object({
  status: z.enum(contractStatuses).optional().catch(undefined),
  kind: z.enum(contractKinds).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .transform((v) => withoutNul(v).slice(0, 200))
    .optional()
    .catch(undefined),
  /** A column name, "-" first for newest first (the default). */
  sort: z.enum(contractSorts).default("-created").catch("-created"),
  cursor: cursorParam,
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
  /** The promotion chain (issue 21): the Production contract that replaced this Test one, or the Test one it replaced. */
  promotedTo: string | null;
  promotedFrom: string | null;
};

export type ContractListPage = { rows: ContractListRow[]; nextCursor: string | null; prevCursor: string | null };

/**
 * One page of the issuer's contracts, newest first unless sorted otherwise, in ONE statement. Keyset
 * pagination on (created_at or updated_at, id) served by the contracts_issuer_* indexes: no OFFSET, no count.
 */
export async function listContracts(db: DbOrTx, viewer: Viewer, input: ListContractsInput = {}): Promise<ContractListPage> {
  const p = listContractsSchema.parse(input);
  const cursor = decodeCursor(p.cursor);
  const { page, nextCursor, prevCursor } = keysetPage(await prepared(contractsPageQuery(db, viewer, p, cursor)), p.limit, cursor);
  return { rows: page.map(toRow), nextCursor, prevCursor };
}

/** The page's single statement (exported so a test can EXPLAIN it). */
export function contractsPageQuery(db: DbOrTx, viewer: Scope, p: z.output<typeof listContractsSchema>, cursor: Cursor | null) {
  // Served by the issuer indexes ("created_at DESC NULLS LAST, id DESC NULLS LAST", the same on updated_at),
  // backwards for Previous or for oldest first.
  const at = p.sort.endsWith("updated") ? contracts.updatedAt : contracts.createdAt;
  const keyset = keysetQuery({ at, id: contracts.id }, cursor, "desc nulls last", !p.sort.startsWith("-"));
  const where: (SQL | undefined)[] = [eq(contracts.issuerAccountId, viewer.accountId), keyset.where];
  if (p.status) where.push(eq(contracts.status, p.status));
  if (p.kind) where.push(eq(contracts.kind, p.kind));
  if (p.q) where.push(searchCondition(viewer, p.q));
  // A search picks its page's IDs first, testing only what contracts_issuer_search_idx holds (an index-only
  // walk newest first that stops at a page of matches), then reads those rows: a rare match is no longer a
  // walk over thousands of table rows (bench: 40–90 ms → about 12 ms at a million contracts, docs/notes/bench.md).
  // (`search_text is not null` always holds: it names that partial index, which the plain list never uses.)
  const filter = p.q
    ? inArray(
        contracts.id,
        db
          .select({ id: contracts.id })
          .from(contracts)
          .where(and(...where, isNotNull(contracts.searchText)))
          .orderBy(...keyset.orderBy)
          .limit(p.limit + 1),
      )
    : and(...where);
  // Every column named (snake_case), so the select can also be folded into the viewer's statement as a
  // subquery (lib/page-data.ts) and read by `contractListColumns`.
  const named = <T>(column: SQLWrapper, name: string) => sql<T>`${column}`.as(name);
  return db
    .select({
      id: named<string>(contracts.id, "id"),
      t: exactInstant(at).as("t"),
      publicId: named<string>(contracts.publicId, "public_id"),
      agreementName: named<string>(agreements.name, "agreement_name"),
      agreementPublicId: named<string>(agreements.publicId, "agreement_public_id"),
      ownerName: named<string | null>(accounts.name, "owner_name"),
      invitedCompanyName: named<string | null>(contracts.invitedCompanyName, "invited_company_name"),
      signeeEmail: named<string | null>(contracts.signeeEmail, "signee_email"),
      kind: named<ContractKind>(contracts.kind, "kind"),
      status: named<ContractStatus>(contracts.status, "status"),
      createdAt: named<string | Date>(contracts.createdAt, "created_at"),
      updatedAt: named<string | Date>(contracts.updatedAt, "updated_at"),
      promotedTo: sql<string | null>`(select s.public_id from contracts s where s.promoted_from_contract_id = ${contracts.id})`.as(
        "promoted_to",
      ),
      promotedFrom: sql<string | null>`(select p.public_id from contracts p where p.id = ${contracts.promotedFromContractId})`.as(
        "promoted_from",
      ),
    })
    .from(contracts)
    .innerJoin(agreements, eq(agreements.id, contracts.agreementId))
    .leftJoin(accounts, eq(accounts.id, contracts.ownerAccountId))
    .where(filter)
    .orderBy(...keyset.orderBy)
    .limit(p.limit + 1);
}

/** The list query's columns, read from a raw row (the folded statement, lib/page-data.ts). */
export const contractListColumns = {
  id: col.textOrNull,
  t: col.text,
  publicId: col.text,
  agreementName: col.text,
  agreementPublicId: col.text,
  ownerName: col.textOrNull,
  invitedCompanyName: col.textOrNull,
  signeeEmail: col.textOrNull,
  kind: col.oneOf<ContractKind>(),
  status: col.oneOf<ContractStatus>(),
  createdAt: col.date,
  updatedAt: col.date,
  promotedTo: col.textOrNull,
  promotedFrom: col.textOrNull,
};

/** The account a list is scoped to: the viewer's ID, or `cur.account_id` inside the folded statement. */
type Scope = { accountId: string | SQL };

/** A page from the rows the list query returned (in its order), for the folded statement. */
export function contractsPageOf(found: RowOf<typeof contractListColumns>[], p: z.output<typeof listContractsSchema>): ContractListPage {
  const cursor = decodeCursor(p.cursor);
  const rows = found.filter((r): r is typeof r & { id: string } => r.id !== null);
  const { page, nextCursor, prevCursor } = keysetPage(rows, p.limit, cursor);
  return { rows: page.map(toRow), nextCursor, prevCursor };
}

/**
 * Matching agreements and accounts are resolved first (small, indexed subqueries); the wildcard match on
 * the contract's own fields is one LIKE on its lower-cased `search_text` (ID, invited company, signee email).
 */
export function searchCondition(viewer: Scope, q: string): SQL | undefined {
  // A whole ID is an indexed equality; one starting "CRS" a prefix match behind the issuer filter.
  if (publicIdPattern.contract.test(q.toUpperCase())) return eq(contracts.publicId, q.toUpperCase());
  // U+001F separates the fields inside search_text: a search never matches across two of them.
  const text = q.replaceAll("\x1f", "");
  if (/^crs/i.test(text)) return sql`${contracts.searchText} like lower(${startingWith(text)})`;
  const contains = containing(text);
  return or(
    // Any part of a contract ID ("21589", "21589-04"), of the invited company's name or of the signee's email.
    sql`${contracts.searchText} like lower(${contains})`,
    sql`${contracts.agreementId} in (select ${agreements.id} from ${agreements} where ${agreements.ownerAccountId} = ${viewer.accountId}
      and (${agreements.name} ilike ${contains} or ${agreements.publicId} ilike ${startingWith(text)}))`,
    sql`${contracts.ownerAccountId} in (select ${accounts.id} from ${accounts} where ${accountNameMatch(text)})`,
  );
}

/**
 * Accounts whose name contains `text`. The trigram index reads every trigram of its pattern, and a word that
 * most names share ("Reseller", "Pty") costs the whole index: it is asked for one word only, the one most
 * likely rare (with a digit, else the longest; 3+ characters, else the whole text), and the full text is then
 * checked on the rows found (`name || ''` keeps that check out of the index). Same rows either way.
 */
function accountNameMatch(text: string): SQL {
  const word = rarestWord(text);
  if (!word || word === text) return sql`${accounts.name} ilike ${containing(text)}`;
  return sql`${accounts.name} ilike ${containing(word)} and (${accounts.name} || '') ilike ${containing(text)}`;
}

/** The word of a search most likely to be rare among names: one with a digit, else the longest; null under 3 characters. */
export function rarestWord(text: string): string | null {
  const words = text.split(/\s+/).filter((w) => w.length >= 3);
  if (words.length === 0) return null;
  const score = (w: string) => (/\d/.test(w) ? 1000 : 0) + w.length;
  return words.reduce((best, w) => (score(w) > score(best) ? w : best));
}

type FoundRow = Pick<
  RowOf<typeof contractListColumns>,
  | "publicId"
  | "agreementName"
  | "agreementPublicId"
  | "ownerName"
  | "invitedCompanyName"
  | "signeeEmail"
  | "kind"
  | "status"
  | "promotedTo"
  | "promotedFrom"
> & { createdAt: string | Date; updatedAt: string | Date };

function toRow(r: FoundRow): ContractListRow {
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
    promotedTo: r.promotedTo ?? null,
    promotedFrom: r.promotedFrom ?? null,
  };
}
