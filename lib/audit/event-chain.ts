import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { col, queryRows, type RowOf } from "@/db/query";

/**
 * The tamper-evident history (docs/notes/evidence.md). Every event row carries its place in its subject's
 * chain, the previous event's hash and its own: sha256 over a canonical serialization that includes the
 * previous hash. The database trigger `events_chain` (migration 0004, hand-written part) writes them on every
 * insert; this file checks them again in JavaScript, from the columns as stored, trusting no database function.
 */

/** The columns as text, exactly as the trigger's scp_event_canonical() reads them. */
const columns = {
  chainSeq: col.textOrNull,
  prevHash: col.textOrNull,
  hash: col.textOrNull,
  id: col.text,
  type: col.text,
  occurredAt: col.text,
  userId: col.textOrNull,
  accountId: col.textOrNull,
  subjectType: col.textOrNull,
  subjectId: col.textOrNull,
  subjectPublicId: col.textOrNull,
  data: col.text,
  ip: col.textOrNull,
  userAgent: col.textOrNull,
};
export type ChainRow = RowOf<typeof columns>;

const select = sql`select chain_seq::text as chain_seq, prev_hash, hash, id::text as id, type,
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
  user_id::text as user_id, account_id::text as account_id, subject_type, subject_id::text as subject_id,
  subject_public_id, data::text as data, ip, user_agent from events`;

/** PostgreSQL's json_build_array(...)::text of text-or-null values: `["a", null, "b"]`. */
export function canonicalEvent(r: ChainRow): string {
  const values = [
    "scp-event-v1",
    r.chainSeq,
    r.prevHash,
    r.id,
    r.type,
    r.occurredAt,
    r.userId,
    r.accountId,
    r.subjectType,
    r.subjectId,
    r.subjectPublicId,
    r.data,
    r.ip,
    r.userAgent,
  ];
  return `[${values.map((v) => (v === null ? "null" : JSON.stringify(v))).join(", ")}]`;
}

export const eventHash = (r: ChainRow): string => createHash("sha256").update(canonicalEvent(r), "utf8").digest("hex");

export type ChainBreak = {
  /**
   * altered: the row is not what was hashed; removed: an event before it is missing (a gap in the numbering);
   * unlinked: it does not follow from the event before it (that one was replaced, hash recomputed); unchained: no hash.
   */
  kind: "altered" | "removed" | "unlinked" | "unchained";
  eventId: string;
  seq: number | null;
  type: string;
  occurredAt: string;
};
export type ChainReport = { subjectId: string | null; subjectPublicId: string | null; events: number; broken: ChainBreak | null };

/** Checks one subject's rows (ordered by chain_seq): the first break found, or null when intact. */
export function checkChain(rows: ChainRow[]): ChainBreak | null {
  let previous: string | null = null;
  for (const [i, r] of rows.entries()) {
    const at = { eventId: r.id, seq: r.chainSeq === null ? null : Number(r.chainSeq), type: r.type, occurredAt: r.occurredAt };
    if (r.hash === null || r.chainSeq === null) return { kind: "unchained", ...at };
    if (Number(r.chainSeq) !== i + 1) return { kind: "removed", ...at };
    if (r.prevHash !== previous) return { kind: "unlinked", ...at };
    if (eventHash(r) !== r.hash) return { kind: "altered", ...at };
    previous = r.hash;
  }
  return null;
}

/** One contract's (or any subject's) chain: what the History tab shows. */
export async function verifySubjectChain(db: DbOrTx, subjectId: string): Promise<ChainReport> {
  const rows = await queryRows(db, sql`${select} where subject_id = ${subjectId} order by events.chain_seq nulls last, events.id`, columns);
  return { subjectId, subjectPublicId: rows[0]?.subjectPublicId ?? null, events: rows.length, broken: checkChain(rows) };
}

/** Every chain in the database (npm run verify-history), optionally only one subject type ("contract"). */
export async function verifyAllChains(db: DbOrTx, subjectType?: string): Promise<ChainReport[]> {
  const where: SQL = subjectType ? sql`where subject_type = ${subjectType}` : sql``;
  const rows = await queryRows(
    db,
    sql`${select} ${where} order by events.subject_id nulls first, events.chain_seq nulls last, events.id`,
    columns,
  );
  const reports: ChainReport[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i].subjectId === rows[start].subjectId) continue;
    const chain = rows.slice(start, i);
    reports.push({
      subjectId: chain[0].subjectId,
      subjectPublicId: chain[0].subjectPublicId,
      events: chain.length,
      broken: checkChain(chain),
    });
    start = i;
  }
  return reports;
}
