import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/table-shell";
import { kindLabel, statusLabel } from "@/lib/format";
import type { OwnedContract } from "@/lib/reseller/list-owned-contracts";

const columns: Column<OwnedContract>[] = [
  {
    label: "Contract ID",
    primary: true,
    cell: (c) => (
      <Link href={`/reseller/contracts/${c.publicId}`} className="whitespace-nowrap font-mono text-link hover:underline">
        {c.publicId}
      </Link>
    ),
  },
  { label: "Distributor", cell: (c) => c.distributor.name },
  {
    label: "Agreement",
    cell: (c) => (
      <>
        {c.agreement.name} <span className="font-mono text-xs text-muted-foreground">{c.agreement.publicId}</span>
      </>
    ),
  },
  {
    label: "Version",
    cell: (c) => (
      <span className="inline-flex flex-wrap items-center justify-end gap-2">
        Version {c.versionNumber}
        {c.updateVersion !== null ? (
          <Link href={`/reseller/contracts/${c.publicId}?tab=versions`} className="rounded-full">
            <Badge tone="info">Updates available: version {c.updateVersion}</Badge>
          </Link>
        ) : null}
      </span>
    ),
  },
  { label: "Kind", cell: (c) => <Badge tone={c.kind === "test" ? "test" : "neutral"}>{kindLabel[c.kind]}</Badge> },
  {
    label: "Status",
    cell: (c) => (
      <span className="inline-flex flex-wrap items-center justify-end gap-2">
        <Badge tone={c.status}>{statusLabel[c.status]}</Badge>
        {c.proposalsWaiting > 0 ? (
          <Link href={`/reseller/contracts/${c.publicId}#proposals`} className="rounded-full">
            <Badge tone="info">Proposal to review</Badge>
          </Link>
        ) : null}
      </span>
    ),
  },
];

/** The reseller's contracts from every distributor. */
export function OwnedContractsTable({ contracts }: { contracts: OwnedContract[] }) {
  return <DataTable columns={columns} rows={contracts} rowKey={(c) => c.publicId} caption="Your contracts" />;
}
