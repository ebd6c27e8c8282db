import { Card, EmptyState } from "@/components/ui/layout";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import { formatDateTime, formatDateTimeExact } from "@/lib/format";
import { describeHistoryEntry } from "./history-words";

export function HistoryTab({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <EmptyState title="No history yet" />;
  return (
    <Card className="p-0">
      <ol className="divide-y divide-slate-100">
        {entries.map((e, i) => (
          <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
            <span className={e.source === "mail" && e.status === "failed" ? "text-red-700" : "text-slate-900"}>{describeHistoryEntry(e)}</span>
            <span className="text-xs text-slate-500">
              {e.source === "event" ? `${e.userName ?? "The partner"} · ` : "Email · "}
              <time dateTime={new Date(e.at).toISOString()} title={formatDateTimeExact(e.at)}>
                {formatDateTime(e.at)}
              </time>
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
