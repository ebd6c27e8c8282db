import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column, type ColumnSort } from "@/components/ui/table-shell";
import type { ContractListRow } from "@/lib/contracts/list-contracts";
import { useTranslations } from "next-intl";

type Words = (key: string) => string;

type KeyedColumn = Column<ContractListRow> & { key?: "created" | "updated" };

function contractColumns(t: Words, common: Words): KeyedColumn[] {
  return [
    {
      label: t("contractId"),
      primary: true,
      cell: (r) => (
        <>
          <Link href={`/partners/contracts/${r.publicId}`} className="whitespace-nowrap font-mono text-link hover:underline">
            {r.publicId}
          </Link>
          {r.promotedTo ? <Chain words={t("promotedTo")} publicId={r.promotedTo} /> : null}
          {r.promotedFrom ? <Chain words={t("promotedFrom")} publicId={r.promotedFrom} /> : null}
        </>
      ),
    },
    {
      label: t("agreement"),
      single: true,
      cell: (r) => (
        <div>
          {r.agreementName}
          <div className="font-mono text-xs text-muted-foreground">{r.agreementPublicId}</div>
        </div>
      ),
    },
    {
      label: t("partner"),
      single: true,
      cell: (r) =>
        r.partner ? (
          <span className={r.partner.invited ? "italic text-muted-foreground" : undefined}>
            {r.partner.name}
            {r.partner.invited ? <span className="sr-only"> {t("invitedNotActive")}</span> : null}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      label: t("kind"),
      single: true,
      cell: (r) => <Badge tone={r.kind === "test" ? "test" : "neutral"}>{common(`kind.${r.kind}`)}</Badge>,
    },
    { label: t("status"), single: true, cell: (r) => <Badge tone={r.status}>{common(`status.${r.status}`)}</Badge> },
    { key: "created", label: t("created"), single: true, cell: (r) => <RelativeTime date={r.createdAt} /> },
    { key: "updated", label: t("updated"), single: true, cell: (r) => <RelativeTime date={r.updatedAt} /> },
  ];
}

/** A step of the Test → Production chain under a contract's ID. */
function Chain({ words, publicId }: { words: string; publicId: string }) {
  return (
    <div className="text-xs text-muted-foreground">
      {words}{" "}
      <Link href={`/partners/contracts/${publicId}`} className="font-mono text-link hover:underline">
        {publicId}
      </Link>
    </div>
  );
}

/** The table; `sorts` makes the Created and Updated headers links that sort the list (on the server). */
export function ContractsTable({ rows, sorts }: { rows: ContractListRow[]; sorts?: { created: ColumnSort; updated: ColumnSort } }) {
  const t = useTranslations("Contracts");
  const common = useTranslations("Common");
  const columns = contractColumns(t, common);
  const cols = sorts
    ? columns.map((c) => (c.key === "created" ? { ...c, sort: sorts.created } : c.key === "updated" ? { ...c, sort: sorts.updated } : c))
    : columns;
  return <DataTable columns={cols} rows={rows} rowKey={(r) => r.publicId} caption={t("title")} />;
}
