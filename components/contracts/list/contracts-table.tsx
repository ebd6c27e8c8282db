import { useLocale, useTranslations } from "next-intl";
import { badgeHtml } from "@/components/ui/badge";
import { relativeTimeHtml } from "@/components/ui/relative-time";
import { DataTable, type Column, type ColumnSort } from "@/components/ui/table-shell";
import type { ContractListRow } from "@/lib/contracts/list-contracts";
import { markup } from "@/lib/html";
import type { Locale } from "@/lib/i18n/locales";

type Words = (key: string) => string;

type KeyedColumn = Column<ContractListRow> & { key?: "created" | "updated" };

// The rows are written as markup (lib/html.ts escapes every value), not as React elements: a 25-row page
// was 175 cells of elements that the server serialised twice, once into the RSC payload and once into the
// HTML (issue 23). The links navigate through the router all the same (components/ui/soft-links.tsx).
const contractLink = (publicId: string, className: string) =>
  markup`<a class="${className}" href="/partners/contracts/${publicId}">${publicId}</a>`;

/** A step of the Test → Production chain under a contract's ID. */
const chain = (words: string, publicId: string) =>
  markup`<div class="text-xs text-muted-foreground">${words} ${contractLink(publicId, "font-mono text-link hover:underline")}</div>`;

function contractColumns(t: Words, common: Words, locale: Locale, now: Date): KeyedColumn[] {
  // A page repeats few badges and, often, the same instant (a contract not updated since it was created):
  // each is written once per page.
  const once = <K, V>(make: (k: K) => V) => {
    const seen = new Map<K, V>();
    return (k: K) => {
      let v = seen.get(k);
      if (v === undefined) seen.set(k, (v = make(k)));
      return v;
    };
  };
  const kindBadge = once((kind: ContractListRow["kind"]) => badgeHtml(kind === "test" ? "test" : "neutral", common(`kind.${kind}`)));
  const statusBadge = once((status: ContractListRow["status"]) => badgeHtml(status, common(`status.${status}`)));
  const time = once((ms: number) => relativeTimeHtml(new Date(ms), locale, now));
  return [
    {
      label: t("contractId"),
      primary: true,
      html: (r) => [
        contractLink(r.publicId, "data-id"),
        r.promotedTo ? chain(t("promotedTo"), r.promotedTo) : null,
        r.promotedFrom ? chain(t("promotedFrom"), r.promotedFrom) : null,
      ],
    },
    {
      label: t("agreement"),
      single: true,
      html: (r) => markup`<div>${r.agreementName}<div class="data-sub">${r.agreementPublicId}</div></div>`,
    },
    {
      label: t("partner"),
      single: true,
      html: (r) =>
        r.partner
          ? r.partner.invited
            ? markup`<span class="italic text-muted-foreground">${r.partner.name}<span class="sr-only"> ${t("invitedNotActive")}</span></span>`
            : markup`<span>${r.partner.name}</span>`
          : markup`<span class="text-muted-foreground">—</span>`,
    },
    { label: t("kind"), single: true, html: (r) => kindBadge(r.kind) },
    { label: t("status"), single: true, html: (r) => statusBadge(r.status) },
    { key: "created", label: t("created"), single: true, html: (r) => time(r.createdAt.getTime()) },
    { key: "updated", label: t("updated"), single: true, html: (r) => time(r.updatedAt.getTime()) },
  ];
}

/** The table; `sorts` makes the Created and Updated headers links that sort the list (on the server). */
export function ContractsTable({ rows, sorts }: { rows: ContractListRow[]; sorts?: { created: ColumnSort; updated: ColumnSort } }) {
  const t = useTranslations("Contracts");
  const common = useTranslations("Common");
  const columns = contractColumns(t, common, useLocale() as Locale, new Date());
  const cols = sorts
    ? columns.map((c) => (c.key === "created" ? { ...c, sort: sorts.created } : c.key === "updated" ? { ...c, sort: sorts.updated } : c))
    : columns;
  return <DataTable columns={cols} rows={rows} rowKey={(r) => r.publicId} caption={t("title")} />;
}
