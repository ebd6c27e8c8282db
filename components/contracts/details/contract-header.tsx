import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import Link from "next/link";
import { formatDate, kindLabel, statusLabel } from "@/lib/format";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="mt-1 break-words text-sm text-foreground">{children}</dd>
    </div>
  );
}

/** The page title (the contract's one h1) with its status, its actions, then ID, dates, Issuer and Signee as the manual lists them. */
export function ContractHeader({
  contract: c,
  actions,
  mode = "issuer",
}: {
  contract: ContractDetails;
  actions?: ReactNode;
  mode?: "issuer" | "owner";
}) {
  return (
    <div className="mb-6 space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-foreground">Service contract {c.publicId}</h1>
          <Badge tone={c.status}>{statusLabel[c.status]}</Badge>
          <Badge tone={c.kind === "test" ? "test" : "neutral"}>{kindLabel[c.kind]}</Badge>
        </div>
        {actions}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-lg border border-border bg-card p-5 shadow-sm sm:grid-cols-4">
        <Item label="Status">{statusLabel[c.status]}</Item>
        <Item label="ID">
          <span className="font-mono">{c.publicId}</span>
        </Item>
        <Item label="Created">
          <RelativeTime date={c.createdAt} />
        </Item>
        <Item label="Updated">
          <RelativeTime date={c.updatedAt} />
        </Item>
        <Item label="Expiration">
          {c.status === "pending" ? (
            <>
              <RelativeTime date={c.linkExpiresAt} />
              {c.linkExpired ? <span className="ml-2 font-medium text-destructive-text">(expired)</span> : null}
            </>
          ) : (
            "—"
          )}
        </Item>
        <Item label="End date">
          {c.endsAt ? (
            <span title="The contract expires after this day (UTC).">{formatDate(c.endsAt)}</span>
          ) : c.status === "active" || c.status === "pending" ? (
            "No end date"
          ) : (
            "—"
          )}
        </Item>
        <Item label="Issuer">
          {c.issuer.name} <span className="font-mono text-xs text-muted-foreground">{c.issuer.publicId}</span>
        </Item>
        <Item label="Signee">{c.signee}</Item>
        {c.owner ? (
          <Item label="Partner">
            {c.owner.name} <span className="font-mono text-xs text-muted-foreground">{c.owner.publicId}</span>
          </Item>
        ) : null}
      </dl>
      <EndReason contract={c} />
      <Chain contract={c} mode={mode} />
    </div>
  );
}

/** Why a contract ended, and when: shown where its status is, not only in History. */
function EndReason({ contract: c }: { contract: ContractDetails }) {
  const ended =
    c.status === "rejected"
      ? { word: "Rejected", at: c.rejectedAt, reason: c.rejectionReason }
      : c.status === "terminated"
        ? { word: "Terminated", at: c.terminatedAt, reason: c.terminationReason }
        : c.status === "expired"
          ? { word: "Expired", at: c.expiredAt, reason: c.endsAt ? `its end date ${formatDate(c.endsAt)} passed` : null }
          : null;
  if (!ended) return null;
  return (
    <p className="rounded-lg border border-border bg-card px-5 py-3 text-sm text-foreground shadow-sm" data-testid="end-reason">
      {ended.word} <RelativeTime date={ended.at} />
      {ended.reason ? (
        <>
          . Reason: <span className="whitespace-pre-wrap break-words">{ended.reason}</span>
        </>
      ) : null}
    </p>
  );
}

/** Issue 21: the Test → Production chain, and a promotion waiting for the partner. */
function Chain({ contract: c, mode }: { contract: ContractDetails; mode: "issuer" | "owner" }) {
  const pending = c.proposals.find((p) => p.kind === "promotion");
  if (!c.promotedFrom && !c.promotedTo && !pending) return null;
  const link = (publicId: string) => (
    // Relative: the same screen (issuer's or reseller's) of the other contract.
    <Link href={publicId} className="font-mono text-link hover:underline">
      {publicId}
    </Link>
  );
  return (
    <div className="space-y-1 rounded-lg border border-border bg-card px-5 py-3 text-sm text-foreground shadow-sm" data-testid="promotion">
      {c.promotedTo ? <p>Promoted to Production contract {link(c.promotedTo)}. This Test contract has ended.</p> : null}
      {c.promotedFrom ? <p>Promoted from Test contract {link(c.promotedFrom)}.</p> : null}
      {pending ? (
        <p>
          {mode === "issuer"
            ? "Promotion to Production proposed: waiting for the partner to accept it"
            : "Promotion to Production proposed: review and accept it below"}{" "}
          (expires <RelativeTime date={pending.expiresAt} />
          ).
        </p>
      ) : null}
    </div>
  );
}
