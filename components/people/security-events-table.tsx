import { useTranslations } from "next-intl";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { SecurityEventRow } from "@/lib/security/events";

type T = (key: string, values?: Record<string, string>) => string;

/** The facts an event keeps, worded: "alex@example.com, Member → Admin". Unknown keys are left out. */
export function eventDetail(row: Pick<SecurityEventRow, "kind" | "detail">, t: T, common: T): string {
  const d = row.detail as Record<string, string | undefined>;
  const who = d.email ?? "";
  const role = (r?: string) => (r ? (["owner", "admin", "member", "readonly"].includes(r) ? common(`memberRole.${r}`) : r) : "");
  switch (row.kind) {
    case "role_changed":
      return `${who}: ${role(d.from)} → ${role(d.to)}`;
    case "user_invited":
    case "invitation_resent":
    case "invitation_revoked":
    case "user_joined":
      return d.role ? t("detailAs", { who, role: role(d.role) }) : who;
    case "user_removed":
      return d.role ? t("detailWas", { who, role: role(d.role) }) : who;
    default:
      return "";
  }
}

export function SecurityEventsTable({ rows, now }: { rows: SecurityEventRow[]; now: string }) {
  const t = useTranslations("Security");
  const common = useTranslations("Common");
  const at = new Date(now);
  const columns: Column<SecurityEventRow>[] = [
    {
      label: t("event"),
      primary: true,
      cell: (r) => <span className="font-medium text-foreground">{t(`kinds.${r.kind}`)}</span>,
    },
    { label: t("details"), cell: (r) => eventDetail(r, t, common) || <span className="text-muted-foreground">—</span> },
    {
      label: t("user"),
      cell: (r) =>
        r.userName ? (
          <span>
            {r.userName} <span className="break-all text-muted-foreground">{r.userEmail}</span>
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    { label: t("ipAddress"), cell: (r) => <span className="font-mono text-xs">{r.ip ?? "—"}</span> },
    { label: t("when"), cell: (r) => <RelativeTime date={r.createdAt} now={at} /> },
  ];
  return <DataTable columns={columns} rows={rows} rowKey={(r) => r.id} caption={t("caption")} />;
}
