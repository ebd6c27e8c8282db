import { Card, EmptyState } from "@/components/ui/layout";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import { formatDateTime } from "@/lib/format";

/** One row per agreement version signed on this contract; the Sign button is the reseller portal's. */
export function VersionsTab({ contract: c, signAction }: { contract: ContractDetails; signAction?: React.ReactNode }) {
  return (
    <div className="space-y-4">
      {c.agreement.updateVersion ? (
        <div role="status" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100">
          <span>
            <strong>Updates available:</strong> version {c.agreement.updateVersion} is waiting to be signed.
          </span>
          {signAction}
        </div>
      ) : null}
      {c.signedVersions.length === 0 ? (
        <EmptyState title="No signed versions yet">
          {c.status === "pending" ? "The agreement version is signed when the partner activates the contract." : "This contract was never signed."}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-muted text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                <th className="px-4 py-3">Version</th>
                <th className="px-4 py-3">Signee</th>
                <th className="px-4 py-3">Signed</th>
                <th className="px-4 py-3">Content hash (SHA-256)</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {c.signedVersions.map((v) => (
                <tr key={v.number}>
                  <td className="px-4 py-3">Version {v.number}</td>
                  <td className="px-4 py-3">{v.signeeName}</td>
                  <td className="px-4 py-3">{formatDateTime(v.signedAt)}</td>
                  <td className="px-4 py-3 font-mono text-xs break-all">{v.sha256}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
