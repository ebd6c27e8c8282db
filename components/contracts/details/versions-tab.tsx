import { FileDown, FileJson } from "lucide-react";
import { EmptyState } from "@/components/ui/layout";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";

type Signed = ContractDetails["signedVersions"][number];

const columns = (basePath: string): Column<Signed>[] => [
  { label: "Version", primary: true, cell: (v) => <span className="font-medium">Version {v.number}</span> },
  { label: "Signee", cell: (v) => v.signeeName },
  { label: "Signed", cell: (v) => <RelativeTime date={v.signedAt} /> },
  { label: "Content hash (SHA-256)", cell: (v) => <span className="break-all font-mono text-xs">{v.sha256}</span> },
  {
    label: "Certificate",
    cell: (v) => {
      const href = `${basePath}/certificates/${v.certificateCode}`;
      const label = `certificate of acceptance of version ${v.number}`;
      return (
        <span className="flex flex-wrap gap-x-3 gap-y-1">
          <a href={`${href}.pdf`} download className="inline-flex items-center gap-1 text-link underline" aria-label={`PDF ${label}`}>
            <FileDown aria-hidden="true" className="size-3.5" />
            PDF
          </a>
          <a href={`${href}.json`} download className="inline-flex items-center gap-1 text-link underline" aria-label={`JSON ${label}`}>
            <FileJson aria-hidden="true" className="size-3.5" />
            JSON
          </a>
        </span>
      );
    },
  },
];

/**
 * One row per agreement version signed on this contract, each with its certificate of acceptance (PDF and
 * signed JSON, docs/notes/evidence.md); the Sign button is the reseller portal's.
 */
export function VersionsTab({
  contract: c,
  basePath,
  signAction,
}: {
  contract: ContractDetails;
  basePath: string;
  signAction?: React.ReactNode;
}) {
  return (
    <div className="space-y-4">
      {c.agreement.updateVersion ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100"
        >
          <span>
            <strong>Updates available:</strong> version {c.agreement.updateVersion} is waiting to be signed.
          </span>
          {signAction}
        </div>
      ) : null}
      {c.signedVersions.length === 0 ? (
        <EmptyState title="No signed versions yet">
          {c.status === "pending"
            ? "The agreement version is signed when the partner activates the contract."
            : "This contract was never signed."}
        </EmptyState>
      ) : (
        <DataTable columns={columns(basePath)} rows={c.signedVersions} rowKey={(v) => v.number} caption="Signed versions" />
      )}
      {c.signedVersions.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          Anybody can check a certificate on the{" "}
          <a href="/verify" className="text-link underline">
            Verify
          </a>{" "}
          page.
        </p>
      ) : null}
    </div>
  );
}
