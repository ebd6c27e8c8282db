import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column, type ColumnSort } from "@/components/ui/table-shell";
import type { AgreementListRow } from "@/lib/agreements/list-agreements";
import { agreementTypeLabel } from "@/lib/agreements/schemas";

const columns: Column<AgreementListRow>[] = [
  {
    label: "Name",
    primary: true,
    cell: (r) => (
      <Link href={`/partners/agreements/${r.publicId}`} className="font-medium text-link hover:underline">
        {r.name}
      </Link>
    ),
  },
  { label: "Agreement ID", cell: (r) => <span className="whitespace-nowrap font-mono text-xs">{r.publicId}</span> },
  { label: "Type", cell: (r) => agreementTypeLabel[r.type] },
  { label: "Active version", cell: (r) => (r.activeVersion ? `Version ${r.activeVersion}` : <Badge tone="pending">None active</Badge>) },
  { label: "Contracts", align: "right", cell: (r) => r.contracts },
  { label: "Updated", cell: (r) => <RelativeTime date={r.updatedAt} /> },
];

/** `updatedSort` makes the Updated header a link that sorts the list (on the server). */
export function AgreementsTable({ rows, updatedSort }: { rows: AgreementListRow[]; updatedSort?: ColumnSort }) {
  const cols = updatedSort ? columns.map((c) => (c.label === "Updated" ? { ...c, sort: updatedSort } : c)) : columns;
  return <DataTable columns={cols} rows={rows} rowKey={(r) => r.publicId} caption="Agreements" />;
}
