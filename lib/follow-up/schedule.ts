import type { ReminderPolicy } from "./schemas";

const DAY = 86_400_000;
/** "Your invitation expires soon" goes this long before the link expires. */
export const EXPIRY_NOTICE_BEFORE_MS = 3 * DAY;
/** A link that expired longer ago than this is not announced (no flood of old expiries on first deploy). */
export const EXPIRED_NOTICE_WINDOW_MS = 7 * DAY;

export type FollowUpState = {
  contractId: string;
  status: string;
  hasSigneeEmail: boolean;
  remindersEnabled: boolean;
  armedAt: Date;
  round: number;
  /** Identifies the link (a prefix of its hash): a regenerated link starts new slots. */
  linkKey: string;
  linkExpiresAt: Date;
};

export type FollowUpSlot =
  { kind: "reminder"; key: string; number: number } | { kind: "expiry_soon"; key: string } | { kind: "link_expired"; key: string };

/** When reminder `n` (1-based) of a round is due. */
export function reminderDueAt(armedAt: Date, policy: ReminderPolicy, n: number): Date {
  return new Date(armedAt.getTime() + (policy.firstAfterDays + (n - 1) * policy.everyDays) * DAY);
}

/**
 * What is due for one contract at `now`, and when to look again. Pure: the job inserts each slot's key
 * (a slot already queued is skipped by the key), so running it twice, or in two instances, queues nothing
 * twice. Rules:
 * - reminders only while pending, with a signee email, reminders on (policy and contract), and only before
 *   the "expires soon" window opens (that notice is the last word); a missed slot is not caught up, only
 *   the latest due one is sent;
 * - "expires soon" once per expiry date, 3 days before, if the link had more than 3 days to run when armed;
 * - "expired" once per expiry date, to the staff, within 7 days of the expiry.
 */
export function planFollowUp(s: FollowUpState, policy: ReminderPolicy, now: Date): { due: FollowUpSlot[]; nextCheckAt: Date | null } {
  if (s.status !== "pending") return { due: [], nextCheckAt: null };
  const t = now.getTime();
  const expires = s.linkExpiresAt.getTime();
  const soonAt = expires - EXPIRY_NOTICE_BEFORE_MS;
  const due: FollowUpSlot[] = [];
  const later: number[] = [];
  const linkId = `${s.contractId}:${s.linkKey}`;

  if (s.hasSigneeEmail && s.remindersEnabled && policy.enabled) {
    let latest = 0;
    for (let n = 1; n <= policy.maxReminders; n++) {
      const at = reminderDueAt(s.armedAt, policy, n).getTime();
      if (at >= soonAt) break;
      if (at <= t) latest = n;
      else {
        later.push(at);
        break;
      }
    }
    if (latest > 0) due.push({ kind: "reminder", number: latest, key: `reminder:${linkId}:${s.round}:${latest}` });
  }

  const soonApplies = s.armedAt.getTime() < soonAt;
  if (soonApplies) {
    if (t >= soonAt && t < expires) due.push({ kind: "expiry_soon", key: `expiry_soon:${linkId}:${expires}` });
    else if (t < soonAt) later.push(soonAt);
  }
  if (t >= expires) {
    if (t < expires + EXPIRED_NOTICE_WINDOW_MS) due.push({ kind: "link_expired", key: `link_expired:${linkId}:${expires}` });
  } else later.push(expires);

  return { due, nextCheckAt: later.length ? new Date(Math.min(...later)) : null };
}
