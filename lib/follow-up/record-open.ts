import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { col, queryRow } from "@/db/query";
import { recordEvent } from "@/lib/audit/record-event";
import { now as clockNow } from "@/lib/clock";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";
import { openedBeaconSchema } from "./schemas";

/** Opens recorded per link and per client IP in an hour; more are answered the same and not recorded. */
export const OPENS_PER_LINK_PER_HOUR = 20;
export const OPENS_PER_IP_PER_HOUR = 120;

export type OpenResult = "recorded" | "ignored";

/**
 * The activation page's beacon: a person's browser showed the page of a pending link. Only this POST
 * writes (GET and HEAD of the page change nothing, so a mail scanner that prefetches the link records no
 * open). The first open is an event in History (with IP and user agent); every open updates the first/last
 * time and the count. Answers the same whatever the link, so it tells nothing about links.
 */
export async function recordOpen(db: Db, input: unknown, client: { ip: string; userAgent: string }): Promise<OpenResult> {
  const parsed = openedBeaconSchema.safeParse(input);
  if (!parsed.success || !isWellFormedToken(parsed.data.token)) return "ignored";
  const ipHit = await hitRateLimit(db, `opened-ip:${client.ip}`, OPENS_PER_IP_PER_HOUR, 3600);
  if (!ipHit.allowed) return "ignored";
  const tokenHash = hashToken(parsed.data.token);
  const linkHit = await hitRateLimit(db, `opened-link:${tokenHash.slice(0, 32)}`, OPENS_PER_LINK_PER_HOUR, 3600);
  if (!linkHit.allowed) return "ignored";
  const at = clockNow().toISOString();
  const userAgent = client.userAgent.slice(0, 300) || null;
  const ip = client.ip === "unknown" ? null : client.ip;
  return db.transaction(async (tx) => {
    const row = await queryRow(
      tx,
      sql`
        with c as (
          select id, public_id, issuer_account_id, created_at from contracts
          where token_hash = ${tokenHash} and status = 'pending' and link_expires_at > now()
        )
        insert into contract_follow_ups as f (contract_id, armed_at, first_opened_at, last_opened_at, open_count, last_open_ip, last_open_user_agent)
        select id, created_at, ${at}::timestamptz, ${at}::timestamptz, 1, ${ip}, ${userAgent} from c
        on conflict (contract_id) do update set
          first_opened_at = coalesce(f.first_opened_at, excluded.first_opened_at),
          last_opened_at = excluded.last_opened_at,
          open_count = f.open_count + 1,
          last_open_ip = excluded.last_open_ip,
          last_open_user_agent = excluded.last_open_user_agent
        returning contract_id, open_count, (select public_id from c) as public_id, (select issuer_account_id from c) as account_id`,
      { contractId: col.text, openCount: col.int, publicId: col.text, accountId: col.text },
    );
    if (!row) return "ignored";
    if (row.openCount === 1) {
      await recordEvent(
        tx,
        { userId: null, accountId: row.accountId, ip, userAgent },
        {
          type: "contract.opened",
          subjectType: "contract",
          subjectId: row.contractId,
          subjectPublicId: row.publicId,
          data: { ip, userAgent },
        },
      );
    }
    return "recorded";
  });
}
