import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import { TableShell, type Column } from "@/components/ui/table-shell";
import type { AgreementListRow } from "@/lib/agreements/list-agreements";
import { agreementTypeLabel } from "@/lib/agreements/schemas";
import { formatDateTime } from "@/lib/format";

const headers: Column[] = ["Name", "Agreement ID", "Type", "Active version", { label: "Contracts", align: "right" }, "Updated"];

export function AgreementsTable({ rows }: { rows: AgreementListRow[] }) {
  return (
    <TableShell headers={headers}>
      {rows.map((r) => (
        <tr key={r.publicId} className="hover:bg-slate-50">
          <td className="max-w-xs truncate px-4 py-3 font-medium">
            <Link href={`/partners/agreements/${r.publicId}`} className="text-brand-700 hover:underline">
              {r.name}
            </Link>
          </td>
          <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-slate-700">{r.publicId}</td>
          <td className="px-4 py-3">{agreementTypeLabel[r.type]}</td>
          <td className="px-4 py-3">{r.activeVersion ? `v${r.activeVersion}` : <Badge tone="pending">None active</Badge>}</td>
          <td className="px-4 py-3 text-right tabular-nums">{r.contracts}</td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(r.updatedAt)}</td>
        </tr>
      ))}
    </TableShell>
  );
}
