import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import { kindLabel, statusLabel } from "@/lib/format";
import type { OwnedContract } from "@/lib/reseller/list-owned-contracts";

/** The reseller's contracts from every distributor. */
export function OwnedContractsTable({ contracts }: { contracts: OwnedContract[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Your contracts</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">Contract ID</th>
            <th scope="col" className="px-4 py-3">Distributor</th>
            <th scope="col" className="px-4 py-3">Agreement</th>
            <th scope="col" className="px-4 py-3">Version</th>
            <th scope="col" className="px-4 py-3">Kind</th>
            <th scope="col" className="px-4 py-3">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {contracts.map((c) => (
            <tr key={c.publicId}>
              <td className="whitespace-nowrap px-4 py-3 font-mono">
                <Link href={`/reseller/contracts/${c.publicId}`} className="text-brand-700 hover:underline">
                  {c.publicId}
                </Link>
              </td>
              <td className="px-4 py-3">{c.distributor.name}</td>
              <td className="px-4 py-3">
                {c.agreement.name} <span className="font-mono text-xs text-slate-500">{c.agreement.publicId}</span>
              </td>
              <td className="whitespace-nowrap px-4 py-3">
                v{c.versionNumber}{" "}
                {c.updateVersion !== null ? (
                  <Link href={`/reseller/contracts/${c.publicId}?tab=versions`} aria-label={`Updates available: version ${c.updateVersion} to sign`}>
                    <Badge tone="info">Updates available</Badge>
                  </Link>
                ) : null}
              </td>
              <td className="px-4 py-3">{c.kind === "test" ? <Badge tone="test">{kindLabel.test}</Badge> : kindLabel[c.kind]}</td>
              <td className="px-4 py-3">
                <Badge tone={c.status}>{statusLabel[c.status]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
