import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column, type ColumnSort } from "@/components/ui/table-shell";
import type { PartnerRow, PartnerStatus } from "@/lib/directory/list-partners";

const statusWords: Record<PartnerStatus, string> = { active: "Active", terminated: "Terminated", invited: "Invited" };
const SHOWN_IDS = 3;

const columns: Column<PartnerRow>[] = [
  {
    label: "Partner",
    primary: true,
    cell: (r) => (
      <>
        {/* An invitation has no account yet: its page is the pending contract's details. */}
        <Link
          href={r.kind === "account" ? `/partners/directory/${r.publicId}` : `/partners/contracts/${r.publicId}`}
          className="font-medium text-link hover:underline"
        >
          {r.name}
        </Link>
        <div className="font-mono text-xs text-muted-foreground">{r.kind === "account" ? r.publicId : "No account yet"}</div>
      </>
    ),
  },
  {
    label: "Status",
    cell: (r) => (
      <>
        <Badge tone={r.status}>{statusWords[r.status]}</Badge>
        {r.linkExpired ? <div className="mt-1 text-xs text-amber-800 dark:text-amber-200">Link expired</div> : null}
      </>
    ),
  },
  {
    label: "Contracts",
    cell: (r) => (
      <>
        <div>{r.contractCount === 1 ? "1 contract" : `${r.contractCount} contracts`}</div>
        <ul className="font-mono text-xs">
          {r.contractIds.slice(0, SHOWN_IDS).map((id) => (
            <li key={id}>
              {/* 24 px tall: a touch target of its own (WCAG 2.2, 2.5.8) when the list is stacked on a phone. */}
              <Link href={`/partners/contracts/${id}`} className="inline-block leading-6 text-link hover:underline">
                {id}
              </Link>
            </li>
          ))}
          {r.contractIds.length > SHOWN_IDS ? <li className="text-muted-foreground">and {r.contractIds.length - SHOWN_IDS} more</li> : null}
        </ul>
      </>
    ),
  },
  { label: "Signee", cell: (r) => <span className="break-words">{r.signee}</span> },
  { label: "Contact email", cell: (r) => <span className="break-all">{r.contactEmail ?? "—"}</span> },
  { label: "Created", cell: (r) => <RelativeTime date={r.createdAt} /> },
];

/** `sorts` makes the Partner and Created headers links that sort the list (on the server). */
export function PartnersTable({ rows, sorts }: { rows: PartnerRow[]; sorts?: { name: ColumnSort; created: ColumnSort } }) {
  const cols = sorts
    ? columns.map((c) => (c.label === "Partner" ? { ...c, sort: sorts.name } : c.label === "Created" ? { ...c, sort: sorts.created } : c))
    : columns;
  return (
    <DataTable
      columns={cols}
      rows={rows}
      rowKey={(r) => `${r.kind}:${r.publicId}`}
      caption="Partners"
      rowProps={() => ({ "data-testid": "partner-row" })}
    />
  );
}
