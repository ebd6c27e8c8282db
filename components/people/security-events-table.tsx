import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import { securityEventLabels, type SecurityEventRow } from "@/lib/security/events";

/** The facts an event keeps, worded: "alex@example.com, Member → Admin". Unknown keys are left out. */
export function eventDetail(row: Pick<SecurityEventRow, "kind" | "detail">): string {
  const d = row.detail as Record<string, string | undefined>;
  const who = d.email ?? "";
  const role = (r?: string) => (r ? ({ owner: "Owner", admin: "Admin", member: "Member", readonly: "Read-only" }[r] ?? r) : "");
  switch (row.kind) {
    case "role_changed":
      return `${who}: ${role(d.from)} → ${role(d.to)}`;
    case "user_invited":
    case "invitation_resent":
    case "invitation_revoked":
    case "user_joined":
      return `${who}${d.role ? ` as ${role(d.role)}` : ""}`;
    case "user_removed":
      return `${who}${d.role ? ` (was ${role(d.role)})` : ""}`;
    default:
      return "";
  }
}

export function SecurityEventsTable({ rows, now }: { rows: SecurityEventRow[]; now: string }) {
  const at = new Date(now);
  const columns: Column<SecurityEventRow>[] = [
    {
      label: "Event",
      primary: true,
      cell: (r) => <span className="font-medium text-foreground">{securityEventLabels[r.kind] ?? r.kind}</span>,
    },
    { label: "Details", cell: (r) => eventDetail(r) || <span className="text-muted-foreground">—</span> },
    {
      label: "User",
      cell: (r) =>
        r.userName ? (
          <span>
            {r.userName} <span className="break-all text-muted-foreground">{r.userEmail}</span>
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    { label: "IP address", cell: (r) => <span className="font-mono text-xs">{r.ip ?? "—"}</span> },
    { label: "When", cell: (r) => <RelativeTime date={r.createdAt} now={at} /> },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(r) => r.id} caption="Security events of this account" />;
}
