import "server-only";
import http from "node:http";
import https from "node:https";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { col, queryRow, queryRows } from "@/db/query";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { emailT, localeOr } from "@/lib/email/locale";
import { renderEmail } from "@/lib/email/render";
import { appUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { resolveWebhookTarget } from "./address";
import { decryptSecret, signatureHeader } from "./secret";

const MINUTE = 60_000;
/** Waits after each failed attempt; retries stop once a delivery is a day old (then it is failed). */
export const RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * 60 * MINUTE, 5 * 60 * MINUTE, 10 * 60 * MINUTE];
export const RETRY_FOR_MS = 24 * 60 * MINUTE;
/** An endpoint whose deliveries have failed without a success for this long is disabled, and its staff told. */
export const DISABLE_AFTER_MS = 3 * 24 * 60 * MINUTE;
const LEASE_MS = 5 * MINUTE;
const TIMEOUT_MS = 10_000;
const EXCERPT = 500;

/** A timestamp parameter both drivers take (postgres.js refuses a Date in raw SQL). */
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

type Claimed = { id: string; endpointId: string; eventId: string; body: string; attempts: number; createdAt: Date };

/**
 * The webhook sender (a scheduled job, lib/webhooks/job.ts): claims due deliveries FOR UPDATE SKIP LOCKED
 * under a lease (a crashed instance's rows come back when it ends), signs and POSTs each to the address its
 * host resolves to now, provided that address is public, and records the answer. `at` is the injectable
 * clock: what is due, back-off, the one-day limit and disabling are all decided from it.
 */
export async function deliverDueWebhooks(db: Db, at: Date, batch = 20): Promise<number> {
  const claimed = await queryRows(
    db,
    sql`
      update webhook_deliveries d set status = 'sending', next_attempt_at = ${ts(new Date(at.getTime() + LEASE_MS))}
      where d.id in (select id from webhook_deliveries
                     where status in ('pending', 'sending') and next_attempt_at <= ${ts(at)}
                     order by next_attempt_at limit ${batch} for update skip locked)
      returning d.id, d.endpoint_id, d.event_id, d.body, d.attempts, d.created_at`,
    { id: col.text, endpointId: col.text, eventId: col.text, body: col.text, attempts: col.int, createdAt: col.date },
  );
  for (const d of claimed) await deliverOne(db, d, at);
  return claimed.length;
}

async function deliverOne(db: Db, d: Claimed, at: Date): Promise<void> {
  const endpoint = await queryRow(db, sql`select url, secret_ciphertext, disabled_at from webhook_endpoints where id = ${d.endpointId}`, {
    url: col.text,
    secretCiphertext: col.text,
    disabledAt: col.dateOrNull,
  });
  if (!endpoint || endpoint.disabledAt) {
    await finish(db, d, at, { ok: false, status: null, response: "Not sent: the endpoint is disabled." }, false);
    return;
  }
  let result: Attempt;
  try {
    // Resolved and checked again now (the name may point elsewhere than when it was saved), and the
    // connection goes to exactly the checked address.
    const target = await resolveWebhookTarget(endpoint.url);
    const secret = decryptSecret(endpoint.secretCiphertext);
    result = await post(target, d.body, {
      "content-type": "application/json",
      "user-agent": "ServiceContracts-Webhooks/1",
      "scp-event-id": d.eventId,
      "scp-signature": signatureHeader(secret, d.body, at),
    });
  } catch (e) {
    const why = isAppError(e) ? (Object.values(e.fieldErrors ?? {})[0] ?? e.message) : (e as Error).message;
    result = { ok: false, status: null, response: `Not delivered: ${why}`.slice(0, EXCERPT) };
  }
  await finish(db, d, at, result, true);
}

type Attempt = { ok: boolean; status: number | null; response: string };

async function finish(db: Db, d: Claimed, at: Date, r: Attempt, retry: boolean): Promise<void> {
  const attempts = d.attempts + 1;
  const delay = RETRY_DELAYS_MS[Math.min(attempts - 1, RETRY_DELAYS_MS.length - 1)];
  const giveUp = !retry || at.getTime() + delay - d.createdAt.getTime() > RETRY_FOR_MS;
  const status = r.ok ? "delivered" : giveUp ? "failed" : "pending";
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update webhook_deliveries set status = ${status}, attempts = ${attempts}, last_attempt_at = ${ts(at)},
             last_status_code = ${r.status}, last_response = ${r.response},
             next_attempt_at = ${ts(new Date(at.getTime() + delay))}
      where id = ${d.id} and status = 'sending'`);
    if (!retry) return;
    if (r.ok) {
      await tx.execute(sql`update webhook_endpoints set failing_since = null where id = ${d.endpointId} and failing_since is not null`);
      return;
    }
    await tx.execute(sql`update webhook_endpoints set failing_since = ${ts(at)} where id = ${d.endpointId} and failing_since is null`);
    // Failing for days: disable it once (compare-and-set) and tell the account's Owners and Admins.
    const disabled = await queryRow(
      tx,
      sql`update webhook_endpoints set disabled_at = ${ts(at)}
          where id = ${d.endpointId} and disabled_at is null and failing_since <= ${ts(new Date(at.getTime() - DISABLE_AFTER_MS))}
          returning url, account_id`,
      { url: col.text, accountId: col.text },
    );
    if (disabled) await emailDisabled(tx, disabled);
  });
}

async function emailDisabled(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], e: { url: string; accountId: string }) {
  const staff = await queryRows(
    tx,
    sql`select u.email, u.locale from memberships m join users u on u.id = m.user_id
        where m.account_id = ${e.accountId} and m.role in ('owner', 'admin') order by u.email`,
    { email: col.text, locale: col.textOrNull },
  );
  await enqueueEmail(
    tx,
    staff.map((s) => {
      // Each administrator in their own language (users.locale), else English.
      const t = emailT(localeOr(s.locale));
      const { html, text } = renderEmail({
        heading: t("webhookDisabled.heading"),
        paragraphs: [t("webhookDisabled.body", { url: e.url, days: DISABLE_AFTER_MS / (24 * 60 * MINUTE) }), t("webhookDisabled.hint")],
        button: { label: t("webhookDisabled.button"), href: `${appUrl()}/settings/webhooks` },
        pasteLabel: t("pasteLink"),
      });
      return { kind: "webhook_disabled" as const, to: s.email, subject: t("webhookDisabled.heading"), html, text, accountId: e.accountId };
    }),
  );
  log.warn("webhook endpoint disabled after failing for days", { component: "webhooks", account: e.accountId });
}

/** One POST without redirects, to the checked address only (custom lookup), with a timeout; keeps an excerpt of the answer. */
function post(target: { url: URL; address: string; family: 4 | 6 }, body: string, headers: Record<string, string>): Promise<Attempt> {
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target.url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        timeout: TIMEOUT_MS,
        lookup: ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          options?.all ? cb(null, [{ address: target.address, family: target.family }]) : cb(null, target.address, target.family)) as never,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          if (text.length < EXCERPT) text += chunk;
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          resolve({ ok: status >= 200 && status < 300, status, response: text.slice(0, EXCERPT) });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("the endpoint did not answer within 10 seconds")));
    req.on("error", reject);
    req.end(body);
  });
}
