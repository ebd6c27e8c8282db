import { ShieldAlert, ShieldCheck } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Card, EmptyState } from "@/components/ui/layout";
import type { ChainReport } from "@/lib/audit/event-chain";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import { RelativeTime } from "@/components/ui/relative-time";
import { isLocale } from "@/lib/i18n/locales";
import { describeHistoryEntry } from "./history-words";

/** The line over History: the contract's hash chain checked as the page was drawn (lib/audit/event-chain.ts). */
export function ChainLine({ chain }: { chain: ChainReport }) {
  const t = useTranslations("History");
  if (!chain.broken)
    return (
      <p role="status" className="mb-3 flex items-center gap-2 text-sm text-muted-foreground">
        <ShieldCheck aria-hidden="true" className="size-4 shrink-0 text-emerald-600 dark:text-emerald-400" />
        {t("verified", { count: chain.events })}
      </p>
    );
  const b = chain.broken;
  return (
    <p role="alert" className="mb-3 flex items-start gap-2 text-sm text-destructive-text">
      <ShieldAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>{t("broken", { seq: b.seq ?? "?", count: chain.events, type: b.type, at: b.occurredAt, what: t(`break.${b.kind}`) })}</span>
    </p>
  );
}

type Props = { entries: HistoryEntry[]; chain?: ChainReport | null };

/** The History tab. Its words come from hooks, so it only hands over to a component React renders. */
export function HistoryTab(props: Props) {
  return <HistoryList {...props} />;
}

function HistoryList({ entries, chain = null }: Props) {
  // The viewer's language: the sentences, the dates in them and the bylines.
  const t = useTranslations("History");
  const current = useLocale();
  const locale = isLocale(current) ? current : "en";
  if (entries.length === 0) return <EmptyState title={t("noHistory")} />;
  return (
    <div>
      {chain ? <ChainLine chain={chain} /> : null}
      <Card flush>
        <ol className="divide-y divide-border">
          {entries.map((e, i) => (
            <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
              <span className={e.source === "mail" && e.status === "failed" ? "text-destructive-text" : "text-foreground"}>
                {describeHistoryEntry(e, locale)}
              </span>
              <span className="text-xs text-muted-foreground">
                {e.source === "event" ? `${e.userName ?? t("thePartner")} · ` : `${t("emailSource")} · `}
                <RelativeTime date={e.at} />
              </span>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
