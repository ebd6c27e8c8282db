import { isContractEvent, readAuditEvent, type ContractEvent } from "@/lib/audit/catalogue";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";

const text = (v: unknown) => (typeof v === "string" && v ? v : null);
const longDayFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
const longDay = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : longDayFmt.format(new Date(iso)));

/** One plain sentence per history entry (pure, so it is unit-tested). */
export function describeHistoryEntry(e: HistoryEntry): string {
  if (e.source === "mail") {
    const what = mailKinds[e.kind] ?? "Email";
    if (e.status === "sent") return `${what} delivered to ${e.to}`;
    if (e.status === "cancelled") return `${what} to ${e.to} was not sent${e.lastError ? `: ${e.lastError}` : ""}`;
    if (e.status === "failed") return `${what} to ${e.to} could not be delivered${e.lastError ? `: ${e.lastError}` : ""}`;
    return `${what} to ${e.to} is waiting to be sent`;
  }
  const event = readAuditEvent(e);
  return isContractEvent(event) ? describeContractEvent(event) : fallbackWords(e.type);
}

/** Worded from the catalogue's types: a contract event without a sentence here fails the type check. */
function describeContractEvent(e: ContractEvent): string {
  // Data comes back from the database: rows written before a field existed lack it.
  switch (e.type) {
    case "contract.created":
      return text(e.data.endsAt) ? `Contract created, ending on ${day(e.data.endsAt)}` : "Contract created";
    case "contract.link_emailed":
      return text(e.data.to) ? `Activation link emailed to ${e.data.to}` : "Activation link emailed";
    case "contract.link_regenerated":
      return "Activation link regenerated; the previous link stopped working";
    case "contract.link_expiry_extended":
      return text(e.data.from) && text(e.data.to)
        ? `Link expiry extended from ${longDay(e.data.from)} to ${longDay(e.data.to)}`
        : "Link expiry extended";
    case "contract.opened":
      return `Activation link opened for the first time${text(e.data.ip) ? ` from ${e.data.ip}` : ""}${text(e.data.userAgent) ? ` (${e.data.userAgent})` : ""}`;
    case "contract.note_edited":
      return "Note to signee edited";
    case "contract.activated":
      return "Contract activated";
    case "contract.rejected":
      return text(e.data.reason) ? `Contract rejected. Reason: ${e.data.reason}` : "Contract rejected";
    case "contract.version_signed":
      return typeof e.data.version === "number" ? `Agreement version ${e.data.version} signed` : "New agreement version signed";
    case "contract.terminated":
      return text(e.data.reason) ? `Contract terminated. Reason: ${e.data.reason}` : "Contract terminated";
    case "contract.deleted":
      return "Contract deleted";
    case "contract.expired":
      return text(e.data.endsAt) ? `Contract expired: its end date ${day(e.data.endsAt)} passed` : "Contract expired";
    case "contract.extended":
      return text(e.data.to)
        ? `End date ${text(e.data.from) ? `moved from ${day(e.data.from)} ` : ""}to ${day(e.data.to)}`
        : "End date extended";
    case "contract.permissions_narrowed":
      return `Permissions narrowed to: ${grantWords(e.data.after)}`;
    case "contract.permissions_proposed":
      return `Wider permissions proposed: ${grantWords(e.data.after)}; they apply once the partner accepts`;
    case "contract.permissions_accepted":
      return `Partner accepted the wider permissions: ${grantWords(e.data.after)}`;
    case "contract.proposal_withdrawn":
      return e.data.kind === "promotion" ? "Promotion to Production withdrawn" : "Proposed permissions withdrawn";
    case "contract.proposal_expired":
      return e.data.kind === "promotion" ? "Promotion to Production expired unanswered" : "Proposed permissions expired unanswered";
    case "contract.promotion_proposed":
      return "Promotion to a Production contract proposed to the partner";
    case "contract.promoted":
      return text(e.data.to) ? `Promoted to Production contract ${e.data.to}; this Test contract ended` : "Promoted to Production";
    case "contract.promoted_from":
      return text(e.data.from) ? `Created by promoting Test contract ${e.data.from}` : "Created by promoting a Test contract";
  }
}

const dayFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const day = (v: unknown) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? dayFmt.format(new Date(v)) : "an unknown day");

/** The boxes a contract grants, as words (rows written before a field existed lack it). */
function grantWords(g: unknown): string {
  const o = (g && typeof g === "object" ? g : {}) as { program?: unknown; delegate?: unknown };
  const words = [o.program === true ? "Program" : null, o.delegate === true ? "Delegate" : null].filter(Boolean);
  return words.length ? words.join(", ") : "no agreement creation";
}

/** A type this build does not write (an older build's), in words made from the type itself. */
function fallbackWords(type: string): string {
  return type
    .replace(/^contract\./, "")
    .replaceAll("_", " ")
    .replace(/^./, (c) => c.toUpperCase());
}

const mailKinds: Record<string, string> = {
  invitation: "Invitation email",
  contract_activated: "Activation notice",
  new_version: "New version notice",
  contract_terminated: "Termination notice",
  contract_expired: "Expiry notice",
  contract_end_notice: "End date reminder",
  contract_extended: "Extension notice",
  permissions_narrowed: "Permissions change notice",
  permissions_proposed: "Permissions proposal",
  permissions_accepted: "Permissions acceptance notice",
  proposal_withdrawn: "Withdrawal notice",
  proposal_expired: "Proposal expiry notice",
  promotion_proposed: "Promotion proposal",
  contract_promoted: "Promotion notice",
  reminder: "Reminder email",
  link_expiry_notice: '"Your invitation expires soon" email',
  link_expiry_staff_notice: '"Link about to expire" notice',
  link_expired_notice: '"Link expired" notice',
};
