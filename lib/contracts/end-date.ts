import "server-only";
import { and, eq, gt, isNotNull, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { col, queryRows } from "@/db/query";
import { contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { now as clockNow } from "@/lib/clock";
import { enqueueContractNotice } from "@/lib/email/contract-terms-messages";
import { AppError } from "@/lib/errors";
import { assertMayManageContracts, ownContract } from "./contract-transition";
import { expiryFromDate } from "./schemas";
import { extendSchema } from "./terms-schemas";

/** The scheduler is nobody: its events carry no user and no account. */
const scheduler = { userId: null, accountId: null };
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Active contracts whose end date has passed become `expired` (compare-and-set on `active`, rows claimed
 * with SKIP LOCKED so two instances share the work), with the event and the notice to both sides in the
 * same transaction. Their permissions stop at the next request: effective permissions only count
 * active contracts (lib/accounts/viewer.ts, lib/accounts/effective-permissions.ts).
 */
export async function expireEndedContracts(db: Db, now: Date, batch = 100): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await tx
        .update(contracts)
        .set({ status: "expired", expiredAt: now, updatedAt: now })
        .where(
          and(
            sql`${contracts.id} in (select id from contracts where status = 'active' and ends_at <= ${ts(now)}
                                    order by ends_at limit ${batch} for update skip locked)`,
            eq(contracts.status, "active"),
            sql`${contracts.endsAt} <= ${ts(now)}`,
          ),
        )
        .returning({ id: contracts.id, publicId: contracts.publicId, endsAt: contracts.endsAt });
      for (const row of rows) {
        const endsAt = row.endsAt!.toISOString();
        await recordEvent(tx, scheduler, { type: "contract.expired", subjectId: row.id, subjectPublicId: row.publicId, data: { endsAt } });
        await enqueueContractNotice(tx, row.id, ["issuer", "owner"], "contract_expired", ({ t, about, date }) => ({
          subject: t("terms.expired.subject", about),
          heading: t("terms.expired.heading", about),
          paragraphs: [t("terms.expired.body", { ...about, date: date(row.endsAt!) }), t("terminated.withdrawn")],
        }));
      }
      return rows.length;
    });
    done += n;
    if (n < batch) return done;
  }
}

export const NOTICE_DAYS = [30, 7, 1] as const;

/**
 * The notices 30, 7 and 1 days before an active contract's end, to the issuer's staff and the
 * reseller's users. Each due contract gets the nearest notice only (one made with 5 days left gets the
 * 7-day one, then the 1-day one). The (contract, days, end date) key of contract_end_notices makes each
 * notice exactly once, even with two instances at once; an extension brings new notices for the new date.
 */
export async function sendEndNotices(db: Db, now: Date, batch = 100): Promise<number> {
  let done = 0;
  for (;;) {
    // Bounded batches (the rest follow at once, each notice keyed once), the contract's ID read with the claim.
    const n = await db.transaction(async (tx) => {
      const list = await queryRows(
        tx,
        sql`
        with claimed as (
          insert into contract_end_notices (contract_id, days, ends_at, sent_at)
          select c.id,
                 case when c.ends_at <= ${ts(now)} + interval '1 day' then 1
                      when c.ends_at <= ${ts(now)} + interval '7 days' then 7 else 30 end,
                 c.ends_at, ${ts(now)}
          from contracts c
          where c.status = 'active' and c.ends_at > ${ts(now)} and c.ends_at <= ${ts(now)} + interval '30 days'
            and not exists (select 1 from contract_end_notices n
                            where n.contract_id = c.id and n.ends_at = c.ends_at
                              and n.days = case when c.ends_at <= ${ts(now)} + interval '1 day' then 1
                                                when c.ends_at <= ${ts(now)} + interval '7 days' then 7 else 30 end)
          order by c.ends_at
          limit ${batch}
          on conflict do nothing
          returning contract_id, days, ends_at
        )
        select claimed.contract_id, claimed.days, claimed.ends_at, c.public_id
        from claimed join contracts c on c.id = claimed.contract_id`,
        { contractId: col.text, days: col.int, endsAt: col.date, publicId: col.text },
      );
      for (const r of list) {
        await enqueueContractNotice(tx, r.contractId, ["issuer", "owner"], "contract_end_notice", ({ t, about, date }) => ({
          subject: t("terms.endNotice.subject", { ...about, date: date(r.endsAt) }),
          heading: t("terms.endNotice.heading", { ...about, date: date(r.endsAt) }),
          paragraphs: [
            t(r.days === 1 ? "terms.endNotice.bodyLastDay" : "terms.endNotice.body", { ...about, date: date(r.endsAt), days: r.days }),
            t("terms.endNotice.withdrawn"),
          ],
        }));
      }
      return list.length;
    });
    done += n;
    if (n < batch) return done;
  }
}

/**
 * The issuer moves an active contract's end date later (compare-and-set: still active, its end date not
 * yet passed and earlier than the new one), with the event and the notice to both sides.
 */
export async function extendContract(db: Db, viewer: Viewer, input: unknown, at: Date = clockNow()): Promise<{ endsAt: Date }> {
  assertMayManageContracts(viewer);
  const { publicId, endsOn } = parseOrThrow(extendSchema, input);
  const endsAt = expiryFromDate(endsOn);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ endsAt: contracts.endsAt })
      .from(contracts)
      .where(ownContract(viewer, publicId, "active"))
      .for("update");
    const [row] = await tx
      .update(contracts)
      .set({ endsAt, updatedAt: sql`now()` })
      .where(
        and(ownContract(viewer, publicId, "active"), isNotNull(contracts.endsAt), gt(contracts.endsAt, at), lt(contracts.endsAt, endsAt)),
      )
      .returning({ id: contracts.id, publicId: contracts.publicId });
    if (!row) throw await notExtended(tx, viewer, publicId, endsAt, at);
    await recordEvent(tx, viewer, {
      type: "contract.extended",
      subjectId: row.id,
      subjectPublicId: row.publicId,
      data: { from: before?.endsAt?.toISOString() ?? null, to: endsAt.toISOString() },
    });
    await enqueueContractNotice(tx, row.id, ["issuer", "owner"], "contract_extended", ({ t, about, date }) => ({
      subject: t("terms.extended.subject", { ...about, date: date(endsAt) }),
      heading: t("terms.extended.heading", about),
      paragraphs: [t("terms.extended.body", { ...about, date: date(endsAt) })],
    }));
    return { endsAt };
  });
}

async function notExtended(tx: Tx, viewer: Viewer, publicId: string, endsAt: Date, at: Date): Promise<AppError> {
  const [row] = await tx
    .select({ status: contracts.status, endsAt: contracts.endsAt })
    .from(contracts)
    .where(and(eq(contracts.publicId, publicId), eq(contracts.issuerAccountId, viewer.accountId)))
    .limit(1);
  if (!row) return new AppError("not_found", "This contract does not exist, or it is not yours.");
  if (row.status !== "active") return new AppError("stale", `This contract is no longer active (it is ${row.status}). Reload the page.`);
  if (!row.endsAt) return new AppError("conflict", "This contract has no end date to extend.");
  if (row.endsAt.getTime() <= at.getTime()) return new AppError("stale", "This contract reached its end date. Reload the page.");
  return new AppError("invalid", "Choose a day later than the current end date.", {
    endsOn: "Choose a day later than the current end date.",
  });
}
