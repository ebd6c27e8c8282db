import { Card, EmptyState } from "@/components/ui/layout";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import { RelativeTime } from "@/components/ui/relative-time";
import { describeHistoryEntry } from "./history-words";

export function HistoryTab({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <EmptyState title="No history yet" />;
  return (
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
  );
}
