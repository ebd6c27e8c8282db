import { isContractEvent, readAuditEvent, type ContractEvent } from "@/lib/audit/catalogue";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";

const text = (v: unknown) => (typeof v === "string" && v ? v : null);
const dayFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
const day = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : dayFmt.format(new Date(iso)));

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
      return "Contract created";
    case "contract.link_emailed":
      return text(e.data.to) ? `Activation link emailed to ${e.data.to}` : "Activation link emailed";
    case "contract.link_regenerated":
      return "Activation link regenerated; the previous link stopped working";
    case "contract.link_expiry_extended":
      return text(e.data.from) && text(e.data.to)
        ? `Link expiry extended from ${day(e.data.from)} to ${day(e.data.to)}`
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
  }
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
  reminder: "Reminder email",
  link_expiry_notice: '"Your invitation expires soon" email',
  link_expiry_staff_notice: '"Link about to expire" notice',
  link_expired_notice: '"Link expired" notice',
};
