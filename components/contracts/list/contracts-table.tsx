import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column, type ColumnSort } from "@/components/ui/table-shell";
import type { ContractListRow } from "@/lib/contracts/list-contracts";
import { kindLabel, statusLabel } from "@/lib/format";

const columns: Column<ContractListRow>[] = [
  {
    label: "Contract ID",
    primary: true,
    cell: (r) => (
      <>
        <Link href={`/partners/contracts/${r.publicId}`} className="whitespace-nowrap font-mono text-link hover:underline">
          {r.publicId}
        </Link>
        {r.promotedTo ? <Chain words="Promoted to" publicId={r.promotedTo} /> : null}
        {r.promotedFrom ? <Chain words="Promoted from" publicId={r.promotedFrom} /> : null}
      </>
    ),
  },
  {
    label: "Agreement",
    cell: (r) => (
      <>
        <div>{r.agreementName}</div>
        <div className="font-mono text-xs text-muted-foreground">{r.agreementPublicId}</div>
      </>
    ),
  },
  {
    label: "Partner",
    cell: (r) =>
      r.partner ? (
        <span className={r.partner.invited ? "italic text-muted-foreground" : undefined}>
          {r.partner.name}
          {r.partner.invited ? <span className="sr-only"> (invited, not active yet)</span> : null}
        </span>
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  },
  { label: "Kind", cell: (r) => <Badge tone={r.kind === "test" ? "test" : "neutral"}>{kindLabel[r.kind]}</Badge> },
  { label: "Status", cell: (r) => <Badge tone={r.status}>{statusLabel[r.status]}</Badge> },
  { label: "Created", cell: (r) => <RelativeTime date={r.createdAt} /> },
  { label: "Updated", cell: (r) => <RelativeTime date={r.updatedAt} /> },
];

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
  const cols = sorts
    ? columns.map((c) =>
        c.label === "Created" ? { ...c, sort: sorts.created } : c.label === "Updated" ? { ...c, sort: sorts.updated } : c,
      )
    : columns;
  return <DataTable columns={cols} rows={rows} rowKey={(r) => r.publicId} caption="Contracts" />;
}
