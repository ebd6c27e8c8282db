import Link from "next/link";
import { Badge } from "@/components/ui/layout";
import { TableShell, type Column } from "@/components/ui/table-shell";
import { kindLabel, statusLabel } from "@/lib/format";
import type { OwnedContract } from "@/lib/reseller/list-owned-contracts";

const headers: Column[] = ["Contract ID", "Distributor", "Agreement", "Version", "Kind", "Status"];

/** The reseller's contracts from every distributor. */
export function OwnedContractsTable({ contracts }: { contracts: OwnedContract[] }) {
  return (
    <TableShell headers={headers} caption="Your contracts">
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
    </TableShell>
  );
}
