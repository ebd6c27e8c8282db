import { Badge } from "@/components/ui/layout";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import { formatDateTime, statusLabel } from "@/lib/format";
import { KindBadge } from "./kind-badge";

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Status, ID, dates, Issuer and Signee, as the manual lists them. */
export function ContractHeader({ contract: c }: { contract: ContractDetails }) {
  return (
    <div className="mb-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h2 className="text-xl font-semibold text-slate-900">Service contract {c.publicId}</h2>
        <Badge tone={c.status}>{statusLabel[c.status]}</Badge>
        <KindBadge kind={c.kind} />
      </div>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Item label="Status">{statusLabel[c.status]}</Item>
        <Item label="ID">
          <span className="font-mono">{c.publicId}</span>
        </Item>
        <Item label="Created">{formatDateTime(c.createdAt)}</Item>
        <Item label="Updated">{formatDateTime(c.updatedAt)}</Item>
        <Item label="Expiration">
          {c.status === "pending" ? (
            <>
              {formatDateTime(c.linkExpiresAt)}
              {c.linkExpired ? <span className="ml-2 font-medium text-red-700">(expired)</span> : null}
            </>
          ) : (
            "—"
          )}
        </Item>
        <Item label="Issuer">
          {c.issuer.name} <span className="font-mono text-xs text-slate-500">{c.issuer.publicId}</span>
        </Item>
        <Item label="Signee">{c.signee}</Item>
        {c.owner ? (
          <Item label="Partner">
            {c.owner.name} <span className="font-mono text-xs text-slate-500">{c.owner.publicId}</span>
          </Item>
        ) : null}
      </dl>
      <EndReason contract={c} />
    </div>
  );
}

/** Why a contract ended, with when: shown where its status is, not only in History. */
function EndReason({ contract: c }: { contract: ContractDetails }) {
  const ended =
    c.status === "rejected" ? { word: "Rejected", at: c.rejectedAt, reason: c.rejectionReason } : c.status === "terminated" ? { word: "Terminated", at: c.terminatedAt, reason: c.terminationReason } : null;
  if (!ended) return null;
  return (
    <p className="mt-4 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800" data-testid="end-reason">
      {ended.word} on {formatDateTime(ended.at)}
      {ended.reason ? (
        <>
          . Reason: <span className="whitespace-pre-wrap">{ended.reason}</span>
        </>
      ) : null}
    </p>
  );
}
