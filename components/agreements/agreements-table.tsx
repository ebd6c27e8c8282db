import Link from "next/link";
import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column, type ColumnSort } from "@/components/ui/table-shell";
import type { AgreementListRow } from "@/lib/agreements/list-agreements";

type Words = (key: string, values?: Record<string, string | number>) => string;

const agreementColumns = (t: Words): (Column<AgreementListRow> & { key?: "updated" })[] => [
  {
    label: t("name"),
    primary: true,
    cell: (r) => (
      <Link href={`/partners/agreements/${r.publicId}`} className="font-medium text-link hover:underline">
        {r.name}
      </Link>
    ),
  },
  { label: t("agreementId"), cell: (r) => <span className="whitespace-nowrap font-mono text-xs">{r.publicId}</span> },
  { label: t("typeLabel"), cell: (r) => t(`type.${r.type}`) },
  {
    label: t("activeVersion"),
    cell: (r) => (r.activeVersion ? t("version", { number: r.activeVersion }) : <Badge tone="pending">{t("noneActive")}</Badge>),
  },
  { label: t("contracts"), align: "right", cell: (r) => r.contracts },
  { key: "updated", label: t("updated"), cell: (r) => <RelativeTime date={r.updatedAt} /> },
];

/** `updatedSort` makes the Updated header a link that sorts the list (on the server). */
export function AgreementsTable({ rows, updatedSort }: { rows: AgreementListRow[]; updatedSort?: ColumnSort }) {
  const t = useTranslations("Agreements");
  const columns = agreementColumns(t);
  const cols = updatedSort ? columns.map((c) => (c.key === "updated" ? { ...c, sort: updatedSort } : c)) : columns;
  return <DataTable columns={cols} rows={rows} rowKey={(r) => r.publicId} caption={t("title")} />;
}
