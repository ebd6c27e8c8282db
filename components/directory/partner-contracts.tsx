import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import { signeeWords } from "@/lib/contracts/signee";
import type { PartnerContract } from "@/lib/directory/get-partner";
import { formatDateTime, statusLabel } from "@/lib/format";
import { KindBadge } from "@/components/contracts/details/kind-badge";
import { describePermissions } from "@/lib/permissions";
import { TableShell } from "@/components/ui/table-shell";

const headers = ["Contract ID", "Agreement", "Kind", "Status", "Permissions", "Signee", "Created"];

export function PartnerContracts({ rows }: { rows: PartnerContract[] }) {
  return (
    <TableShell headers={headers}>
      {rows.map((c) => {
        const words = describePermissions(c.permissions);
        return (
          <tr key={c.publicId} className="align-top" data-testid="partner-contract">
            <td className="px-4 py-3 font-mono whitespace-nowrap">
              <Link href={`/partners/contracts/${c.publicId}`} className="text-brand-700 hover:underline">
                {c.publicId}
              </Link>
            </td>
            <td className="px-4 py-3">
              <div className="text-slate-900">{c.agreementName}</div>
              <div className="font-mono text-xs text-slate-500">
                {c.agreementPublicId} v{c.versionNumber}
              </div>
            </td>
            <td className="px-4 py-3">
              <KindBadge kind={c.kind} />
            </td>
            <td className="px-4 py-3">
              <Badge tone={c.status}>{statusLabel[c.status]}</Badge>
            </td>
            <td className="px-4 py-3 text-slate-700">
              {words.length ? (
                <ul className="list-disc pl-4">
                  {words.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : (
                <span className="text-slate-500">No agreement creation permissions</span>
              )}
            </td>
            <td className="px-4 py-3 text-slate-700">
              {signeeWords({ name: c.signeeName, email: c.signeeEmail, invitedEmail: null, pending: false })}
            </td>
            <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDateTime(c.createdAt)}</td>
          </tr>
        );
      })}
    </TableShell>
  );
}
