import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import { signeeWords } from "@/lib/contracts/signee";
import type { PartnerContract } from "@/lib/directory/get-partner";
import { kindLabel, statusLabel } from "@/lib/format";
import { describePermissions } from "@/lib/permissions";

const columns: Column<PartnerContract>[] = [
  {
    label: "Contract ID",
    primary: true,
    cell: (c) => (
      <Link href={`/partners/contracts/${c.publicId}`} className="whitespace-nowrap font-mono text-link hover:underline">
        {c.publicId}
      </Link>
    ),
  },
  {
    label: "Agreement",
    cell: (c) => (
      <>
        <div>{c.agreementName}</div>
        <div className="font-mono text-xs text-muted-foreground">
          {c.agreementPublicId} · version {c.versionNumber}
        </div>
      </>
    ),
  },
  { label: "Kind", cell: (c) => <Badge tone={c.kind === "test" ? "test" : "neutral"}>{kindLabel[c.kind]}</Badge> },
  { label: "Status", cell: (c) => <Badge tone={c.status}>{statusLabel[c.status]}</Badge> },
  {
    label: "Permissions",
    cell: (c) => {
      const words = describePermissions(c.permissions);
      return words.length ? (
        <ul className="list-disc pl-4 text-left">
          {words.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <span className="text-muted-foreground">No agreement creation permissions</span>
      );
    },
  },
  {
    label: "Signee",
    cell: (c) => (
      <>
        <span className="break-words">{signeeWords({ name: c.signeeName, email: c.signeeEmail, invitedEmail: null, pending: false })}</span>
      </>
    ),
  },
  { label: "Created", cell: (c) => <RelativeTime date={c.createdAt} /> },
];

export function PartnerContracts({ rows }: { rows: PartnerContract[] }) {
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(c) => c.publicId}
      caption="Contracts"
      rowProps={() => ({ "data-testid": "partner-contract" })}
    />
  );
}
