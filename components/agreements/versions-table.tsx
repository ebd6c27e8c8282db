import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import type { AgreementVersionRow } from "@/lib/agreements/get-agreement";
import { formatDateTime } from "@/lib/format";
import { VersionActions, type AgreementVersionActions } from "./version-actions";

type Props = { agreementId: string; versions: AgreementVersionRow[]; shown: number | null; canManage: boolean; actions: AgreementVersionActions };

export function VersionsTable({ agreementId, versions, shown, canManage, actions }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4">Version</th>
            <th scope="col" className="py-2 pr-4">Author</th>
            <th scope="col" className="py-2 pr-4">Created</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4 text-right">Contracts</th>
            <th scope="col" className="py-2 text-right"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...versions].reverse().map((v) => (
            <tr key={v.number} data-testid={`version-${v.number}`} className={v.number === shown ? "bg-brand-50/40" : undefined}>
              <td className="py-3 pr-4 font-medium">
                <Link href={`/partners/agreements/${agreementId}?version=${v.number}`} className="text-brand-700 hover:underline" aria-label={`View version ${v.number}`}>
                  v{v.number}
                </Link>
              </td>
              <td className="py-3 pr-4">{v.authorName ?? "—"}</td>
              <td className="whitespace-nowrap py-3 pr-4 text-slate-600">{formatDateTime(v.createdAt)}</td>
              <td className="py-3 pr-4">{v.active ? <Badge tone="active">Active</Badge> : v.draft ? <Badge tone="pending">Draft</Badge> : <Badge tone="terminated">Inactive</Badge>}</td>
              <td className="py-3 pr-4 text-right tabular-nums">{v.contracts}</td>
              <td className="py-3 text-right">{canManage ? <VersionActions agreementId={agreementId} number={v.number} active={v.active} deleteRefusal={v.deleteRefusal} actions={actions} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
