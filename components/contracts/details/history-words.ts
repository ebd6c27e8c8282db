import type { HistoryEntry } from "@/lib/contracts/list-contract-history";

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

/** One plain sentence per history entry (pure, so it is unit-tested). */
export function describeHistoryEntry(e: HistoryEntry): string {
  if (e.source === "mail") {
    const what = mailKinds[e.kind] ?? "Email";
    if (e.status === "sent") return `${what} delivered to ${e.to}`;
    if (e.status === "cancelled") return `${what} to ${e.to} was not sent${e.lastError ? `: ${e.lastError}` : ""}`;
    if (e.status === "failed") return `${what} to ${e.to} could not be delivered${e.lastError ? `: ${e.lastError}` : ""}`;
    return `${what} to ${e.to} is waiting to be sent`;
  }
  const d = e.data;
  switch (e.type) {
    case "contract.created":
      return "Contract created";
    case "contract.link_emailed":
      return text(d.to) ? `Activation link emailed to ${d.to}` : "Activation link emailed";
    case "contract.link_regenerated":
      return "Activation link regenerated; the previous link stopped working";
    case "contract.note_edited":
      return "Note to signee edited";
    case "contract.activated":
      return "Contract activated";
    case "contract.rejected":
      return text(d.reason) ? `Contract rejected. Reason: ${d.reason}` : "Contract rejected";
    case "contract.version_signed":
      return typeof d.version === "number" ? `Agreement version ${d.version} signed` : "New agreement version signed";
    case "contract.terminated":
      return text(d.reason) ? `Contract terminated. Reason: ${d.reason}` : "Contract terminated";
    case "contract.deleted":
      return "Contract deleted";
    default:
      return e.type.replace(/^contract\./, "").replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
  }
}

const mailKinds: Record<string, string> = {
  invitation: "Invitation email",
  contract_activated: "Activation notice",
  new_version: "New version notice",
  contract_terminated: "Termination notice",
};
