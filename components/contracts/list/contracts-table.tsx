import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import { TableShell } from "@/components/ui/table-shell";
import type { ContractListRow } from "@/lib/contracts/list-contracts";
import { formatDateTime, statusLabel } from "@/lib/format";
import { KindBadge } from "@/components/contracts/details/kind-badge";

const headers = ["Contract ID", "Agreement", "Partner", "Kind", "Status", "Created", "Updated"];

export function ContractsTable({ rows }: { rows: ContractListRow[] }) {
  return (
    <TableShell headers={headers}>
      {rows.map((r) => (
        <tr key={r.publicId} className="hover:bg-slate-50">
          <td className="px-4 py-3 font-mono whitespace-nowrap">
            <Link href={`/partners/contracts/${r.publicId}`} className="text-brand-700 hover:underline">
              {r.publicId}
            </Link>
          </td>
          <td className="px-4 py-3">
            <div className="text-slate-900">{r.agreementName}</div>
            <div className="font-mono text-xs text-slate-500">{r.agreementPublicId}</div>
          </td>
          <td className="px-4 py-3">
            {r.partner ? (
              <span className={r.partner.invited ? "text-slate-400" : "text-slate-900"} title={r.partner.invited ? "Invited, not active yet" : undefined}>
                {r.partner.name}
              </span>
            ) : (
              <span className="text-slate-400">—</span>
            )}
          </td>
          <td className="px-4 py-3">
            <KindBadge kind={r.kind} />
          </td>
          <td className="px-4 py-3">
            <Badge tone={r.status}>{statusLabel[r.status]}</Badge>
          </td>
          <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDateTime(r.createdAt)}</td>
          <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDateTime(r.updatedAt)}</td>
        </tr>
      ))}
    </TableShell>
  );
}
