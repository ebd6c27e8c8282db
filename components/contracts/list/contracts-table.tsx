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
  return [
    {
      label: t("contractId"),
      primary: true,
      html: (r) => [
        contractLink(r.publicId, "whitespace-nowrap font-mono text-link hover:underline"),
        r.promotedTo ? chain(t("promotedTo"), r.promotedTo) : null,
        r.promotedFrom ? chain(t("promotedFrom"), r.promotedFrom) : null,
      ],
    },
    {
      label: t("agreement"),
      single: true,
      html: (r) => markup`<div>${r.agreementName}<div class="font-mono text-xs text-muted-foreground">${r.agreementPublicId}</div></div>`,
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
    { label: t("kind"), single: true, html: (r) => badgeHtml(r.kind === "test" ? "test" : "neutral", common(`kind.${r.kind}`)) },
    { label: t("status"), single: true, html: (r) => badgeHtml(r.status, common(`status.${r.status}`)) },
    { key: "created", label: t("created"), single: true, html: (r) => relativeTimeHtml(r.createdAt, locale, now) },
    { key: "updated", label: t("updated"), single: true, html: (r) => relativeTimeHtml(r.updatedAt, locale, now) },
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
