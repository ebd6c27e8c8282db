import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column, type ColumnSort } from "@/components/ui/table-shell";
import type { PartnerRow } from "@/lib/directory/list-partners";
import { localizeMessage } from "@/lib/message-keys";

const SHOWN_IDS = 3;

type Words = (key: string, values?: Record<string, string | number>) => string;

const partnerColumns = (t: Words): (Column<PartnerRow> & { key?: "name" | "created" })[] => [
  {
    key: "name",
    label: t("partner"),
    primary: true,
    cell: (r) => (
      <>
        {/* An invitation has no account yet: its page is the pending contract's details. */}
        <Link
          href={r.kind === "account" ? `/partners/directory/${r.publicId}` : `/partners/contracts/${r.publicId}`}
          className="font-medium text-link hover:underline"
        >
          {r.name}
        </Link>
        <div className="font-mono text-xs text-muted-foreground">{r.kind === "account" ? r.publicId : t("noAccountYet")}</div>
      </>
    ),
  },
  {
    label: t("status"),
    cell: (r) => (
      <>
        <Badge tone={r.status}>{t(`statusWord.${r.status}`)}</Badge>
        {r.linkExpired ? <div className="mt-1 text-xs text-amber-800 dark:text-amber-200">{t("linkExpired")}</div> : null}
      </>
    ),
  },
  {
    label: t("contracts"),
    cell: (r) => (
      <>
        <div>{t("contractCount", { count: r.contractCount })}</div>
        <ul className="font-mono text-xs">
          {r.contractIds.slice(0, SHOWN_IDS).map((id) => (
            <li key={id}>
              {/* 24 px tall: a touch target of its own (WCAG 2.2, 2.5.8) when the list is stacked on a phone. */}
              <Link href={`/partners/contracts/${id}`} className="inline-block leading-6 text-link hover:underline">
                {id}
              </Link>
            </li>
          ))}
          {r.contractIds.length > SHOWN_IDS ? (
            <li className="text-muted-foreground">{t("andMore", { count: r.contractIds.length - SHOWN_IDS })}</li>
          ) : null}
        </ul>
      </>
    ),
  },
  { label: t("signee"), cell: (r) => <span className="break-words">{r.signee}</span> },
  { label: t("contactEmail"), cell: (r) => <span className="break-all">{r.contactEmail ?? "—"}</span> },
  { key: "created", label: t("created"), cell: (r) => <RelativeTime date={r.createdAt} /> },
];

/** `sorts` makes the Partner and Created headers links that sort the list (on the server). */
export function PartnersTable({ rows, sorts }: { rows: PartnerRow[]; sorts?: { name: ColumnSort; created: ColumnSort } }) {
  const t = useTranslations("Directory");
  const locale = useLocale();
  const columns = partnerColumns(t);
  // An invitation's name ("Link only" when it has neither a company name nor an email) and the signee words
  // are English words that remember their key (lib/contracts/signee.ts): shown in the reader's language.
  const shown = rows.map((r) => ({
    ...r,
    name: r.kind === "invitation" ? localizeMessage(r.name, locale) : r.name,
    signee: localizeMessage(r.signee, locale),
  }));
  const cols = sorts
    ? columns.map((c) => (c.key === "name" ? { ...c, sort: sorts.name } : c.key === "created" ? { ...c, sort: sorts.created } : c))
    : columns;
  return (
    <DataTable
      columns={cols}
      rows={shown}
      rowKey={(r) => `${r.kind}:${r.publicId}`}
      caption={t("partners")}
      rowProps={() => ({ "data-testid": "partner-row" })}
    />
  );
}
