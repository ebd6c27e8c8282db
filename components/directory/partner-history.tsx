import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { describeHistoryEntry } from "@/components/contracts/details/history-words";
import type { PartnerEvent } from "@/lib/directory/get-partner";
import { RelativeTime } from "@/components/ui/relative-time";

/** Events of the partner's contracts with this distributor, newest first, in the Details tab's words. */
export function PartnerHistory({ events }: { events: PartnerEvent[] }) {
  const t = useTranslations("Directory");
  const locale = useLocale();
  if (events.length === 0) return <p className="text-sm text-muted-foreground">{t("noEvents")}</p>;
  return (
    <ol className="divide-y divide-border rounded-lg border border-border bg-card shadow-sm" aria-label={t("history")}>
      {events.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm" data-testid="partner-event">
          <div>
            <span className="text-foreground">
              {describeHistoryEntry({ source: "event", at: e.at, type: e.type, userName: e.userName, data: e.data }, locale)}
            </span>
            {e.contractPublicId ? (
              <Link href={`/partners/contracts/${e.contractPublicId}`} className="ml-2 font-mono text-xs text-link hover:underline">
                {e.contractPublicId}
              </Link>
            ) : null}
            {e.userName ? <span className="ml-2 text-xs text-muted-foreground">{t("by", { name: e.userName })}</span> : null}
          </div>
          <span className="text-xs text-muted-foreground">
            <RelativeTime date={e.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
