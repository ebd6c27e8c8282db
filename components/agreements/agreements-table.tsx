import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import type { AgreementListRow } from "@/lib/agreements/list-agreements";
import { agreementTypeLabel } from "@/lib/agreements/schemas";
import { formatDateTime } from "@/lib/format";

export function AgreementsTable({ rows }: { rows: AgreementListRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">Name</th>
            <th scope="col" className="px-4 py-3">Agreement ID</th>
            <th scope="col" className="px-4 py-3">Type</th>
            <th scope="col" className="px-4 py-3">Active version</th>
            <th scope="col" className="px-4 py-3 text-right">Contracts</th>
            <th scope="col" className="px-4 py-3">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
