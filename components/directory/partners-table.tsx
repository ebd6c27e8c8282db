import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import type { PartnerRow, PartnerStatus } from "@/lib/directory/list-partners";
import { formatDateTime } from "@/lib/format";
import { TableShell } from "@/components/ui/table-shell";

const headers = ["Partner", "Status", "Contracts", "Signee", "Contact email", "Created"];
const statusWords: Record<PartnerStatus, string> = { active: "Active", terminated: "Terminated", invited: "Invited" };
const SHOWN_IDS = 3;

export function PartnersTable({ rows }: { rows: PartnerRow[] }) {
  return (
    <TableShell headers={headers}>
      {rows.map((r) => (
        <tr key={`${r.kind}:${r.publicId}`} className="align-top hover:bg-slate-50" data-testid="partner-row">
          <td className="px-4 py-3">
            {/* An invitation has no account yet: its page is the pending contract's details. */}
            <Link href={r.kind === "account" ? `/partners/directory/${r.publicId}` : `/partners/contracts/${r.publicId}`} className="font-medium text-brand-700 hover:underline">
              {r.name}
            </Link>
            <div className="font-mono text-xs text-slate-500">{r.kind === "account" ? r.publicId : "No account yet"}</div>
          </td>
          <td className="px-4 py-3">
            <Badge tone={r.status}>{statusWords[r.status]}</Badge>
            {r.linkExpired ? <div className="mt-1 text-xs text-amber-700">Link expired</div> : null}
          </td>
          <td className="px-4 py-3">
            <div className="text-slate-900">{r.contractCount === 1 ? "1 contract" : `${r.contractCount} contracts`}</div>
            <ul className="font-mono text-xs">
              {r.contractIds.slice(0, SHOWN_IDS).map((id) => (
                <li key={id}>
                  <Link href={`/partners/contracts/${id}`} className="text-brand-700 hover:underline">
                    {id}
                  </Link>
                </li>
              ))}
              {r.contractIds.length > SHOWN_IDS ? <li className="text-slate-500">and {r.contractIds.length - SHOWN_IDS} more</li> : null}
            </ul>
          </td>
          <td className="px-4 py-3 text-slate-900">{r.signee}</td>
          <td className="px-4 py-3 text-slate-700">{r.contactEmail ?? <span className="text-slate-400">—</span>}</td>
          <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDateTime(r.createdAt)}</td>
        </tr>
      ))}
    </TableShell>
  );
}
