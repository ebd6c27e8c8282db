import "server-only";
import type { DbOrTx } from "@/db/client";
import { outbox } from "@/db/schema";
import { cleanSubject } from "./render";

export type OutgoingEmail = {
  kind:
    | "invitation"
    | "contract_activated"
    | "new_version"
    | "contract_terminated"
    | "staff_invitation"
    // Issue 21: contract terms over time (lib/email/contract-terms-messages.ts).
    | "contract_expired"
    | "contract_end_notice"
    | "contract_extended"
    | "permissions_narrowed"
    | "permissions_proposed"
    | "permissions_accepted"
    | "proposal_withdrawn"
    | "proposal_expired"
    | "promotion_proposed"
    | "contract_promoted"
    | "webhook_disabled"
    // Issue 18's follow-ups (lib/follow-up): reminders and link-expiry notices.
    | "reminder"
    | "link_expiry_notice"
    | "link_expiry_staff_notice"
    | "link_expired_notice"
    // Issue 17: password reset and change.
    | "password_reset"
    | "password_changed";
  to: string;
  subject: string;
  html: string;
  text: string;
  contractId?: string;
  accountId?: string;
};

/**
 * Writes to the outbox, one message or many in a single insert; call it with the business transaction so
 * a rolled-back change sends nothing.
 */
export async function enqueueEmail(db: DbOrTx, emails: OutgoingEmail | OutgoingEmail[]): Promise<void> {
  const list = Array.isArray(emails) ? emails : [emails];
  if (list.length === 0) return;
  await db.insert(outbox).values(
    list.map((email) => ({
      kind: email.kind,
      to: email.to,
      subject: cleanSubject(email.subject).slice(0, 250),
      html: email.html,
      text: email.text,
      contractId: email.contractId,
      accountId: email.accountId,
    })),
  );
}
