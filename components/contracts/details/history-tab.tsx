import { ShieldAlert, ShieldCheck } from "lucide-react";
import { Card, EmptyState } from "@/components/ui/layout";
import type { ChainReport } from "@/lib/audit/event-chain";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import { RelativeTime } from "@/components/ui/relative-time";
import { describeHistoryEntry } from "./history-words";

const breakWords = {
  altered: "was altered",
  removed: "follows an event that was removed",
  unlinked: "does not follow from the event before it (that one was replaced)",
  unchained: "is not chained",
} as const;

/** The line over History: the contract's hash chain checked as the page was drawn (lib/audit/event-chain.ts). */
export function ChainLine({ chain }: { chain: ChainReport }) {
  if (!chain.broken)
    return (
      <p role="status" className="mb-3 flex items-center gap-2 text-sm text-muted-foreground">
        <ShieldCheck aria-hidden="true" className="size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
        History verified: {chain.events} {chain.events === 1 ? "event" : "events"}, chain intact.
      </p>
    );
  const b = chain.broken;
  return (
    <p role="alert" className="mb-3 flex items-start gap-2 text-sm text-destructive-text">
      <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>
        History does not verify: event {b.seq ?? "?"} of {chain.events} ({b.type}, {b.occurredAt}) {breakWords[b.kind]}.
      </span>
    </p>
  );
}

export function HistoryTab({ entries, chain = null }: { entries: HistoryEntry[]; chain?: ChainReport | null }) {
  if (entries.length === 0) return <EmptyState title="No history yet" />;
  return (
    <div>
      {chain ? <ChainLine chain={chain} /> : null}
      <Card flush>
        <ol className="divide-y divide-border">
          {entries.map((e, i) => (
            <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
              <span className={e.source === "mail" && e.status === "failed" ? "text-destructive-text" : "text-foreground"}>
                {describeHistoryEntry(e)}
              </span>
              <span className="text-xs text-muted-foreground">
                {e.source === "event" ? `${e.userName ?? "The partner"} · ` : "Email · "}
                <RelativeTime date={e.at} />
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
