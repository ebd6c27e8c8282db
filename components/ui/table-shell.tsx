import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { Key, ReactNode } from "react";
import { attrs, markup, type MarkupPart } from "@/lib/html";
import { cn } from "./cn";
import { SoftLinks } from "./soft-links";

/** A sortable column's header: the link that sorts by it (next direction) and how the list is sorted now. */
export type ColumnSort = {
  href: string;
  state: "ascending" | "descending" | "none";
  /** What the link does: "oldest first". */ next: string;
};

export type Column<T> = {
  label: string;
  align?: "right";
  /** The card's title on a phone: shown first, without its label. */
  primary?: boolean;
  className?: string;
  sort?: ColumnSort;
  /**
   * The cell renders exactly one element: it needs no wrapper to stay one block beside its label on a phone
   * (`.data-cell > *` in app/globals.css). A list of 25 rows saves an element per such cell, in the HTML and
   * again in the RSC payload.
   */
  single?: boolean;
} & (
  | { cell: (row: T) => ReactNode; html?: never }
  /**
   * The cell as markup (lib/html.ts, every value escaped). When every column gives markup, the rows are one
   * string instead of React elements (the Contracts list: 25 rows × 7 cells cost the server each element
   * twice, in the RSC payload and in the HTML), and their links navigate through `SoftLinks`.
   */
  | { html: (row: T) => MarkupPart; cell?: never }
);

function SortHeader({ label, sort }: { label: string; sort: ColumnSort }) {
  const t = useTranslations("Common");
  const Icon = sort.state === "ascending" ? ArrowUp : sort.state === "descending" ? ArrowDown : ArrowUpDown;
  const next = sort.next;
  return (
    <Link
      href={sort.href}
      className="inline-flex min-h-6 items-center gap-1 hover:text-foreground"
      title={t("sortByTitle", { column: label.toLowerCase(), next })}
    >
      {label}
      <Icon className={cn("size-3.5", sort.state === "none" && "opacity-50")} aria-hidden="true" />
      <span className="sr-only">{t("sortNext", { next })}</span>
    </Link>
  );
}

/**
 * The app's data table. From the sm breakpoint up it is a table; on a phone every row becomes a stacked
 * card whose cells carry their column's name (data-label), so nothing scrolls sideways. One markup for
 * both, so screen readers and tests see the same table.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  rowProps,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => Key;
  caption?: string;
  rowProps?: (row: T) => Record<string, string | undefined>;
}) {
  const t = useTranslations("Common");
  const sortable = columns.filter((c) => c.sort);
  // Short class names for what every cell repeats (app/globals.css): 25 rows carry them 175 times.
  const cellClass = (c: Column<T>) =>
    cn(c.primary ? "data-cell-primary" : "data-cell", c.align === "right" && "sm:text-right sm:tabular-nums", c.className);
  const label = (c: Column<T>) => (c.primary ? undefined : c.label);
  const bodyClass = "max-sm:block max-sm:space-y-3 sm:divide-y sm:divide-border";
  const cellMarkup = (c: Column<T>, row: T) =>
    c.primary || c.single ? markup`${c.html!(row)}` : markup`<div class="data-cell-body">${c.html!(row)}</div>`;
  const rowsMarkup = columns.every((c) => c.html)
    ? markup`${rows.map(
        (row) =>
          markup`<tr class="data-row"${attrs(rowProps?.(row) ?? {})}>${columns.map(
            (c) => markup`<td${attrs({ "data-label": label(c), class: cellClass(c) })}>${cellMarkup(c, row)}</td>`,
          )}</tr>`,
      )}`.html
    : null;
  const Frame = rowsMarkup === null ? "div" : SoftLinks;
  return (
    <Frame className="sm:overflow-x-auto sm:rounded-lg sm:border sm:border-border sm:bg-card sm:shadow-sm">
      {/* On a phone the header row is hidden (rows are cards): the same sort links sit above the cards. */}
      {sortable.length ? (
        <nav aria-label={t("sort")} className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm sm:hidden">
          <span className="text-muted-foreground">{t("sortBy")}</span>
          {sortable.map((c) => (
            <SortHeader key={c.label} label={c.label} sort={c.sort!} />
          ))}
        </nav>
      ) : null}
      <table className="w-full text-sm max-sm:block">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-muted/60 max-sm:sr-only">
          <tr>
            {columns.map((c) => (
              <th
                key={c.label}
                scope="col"
                aria-sort={c.sort ? c.sort.state : undefined}
                className={cn(
                  "whitespace-nowrap px-4 py-2.5 text-xs font-medium text-muted-foreground",
                  c.align === "right" ? "text-right" : "text-left",
                )}
              >
                {c.sort ? <SortHeader label={c.label} sort={c.sort} /> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        {rowsMarkup !== null ? (
          <tbody className={bodyClass} dangerouslySetInnerHTML={{ __html: rowsMarkup }} />
        ) : (
          <tbody className={bodyClass}>
            {rows.map((row) => (
              <tr key={rowKey(row)} className="data-row" {...rowProps?.(row)}>
                {columns.map((c) =>
                  c.html ? (
                    <td
                      key={c.label}
                      data-label={label(c)}
                      className={cellClass(c)}
                      dangerouslySetInnerHTML={{ __html: cellMarkup(c, row).html }}
                    />
                  ) : (
                    <td key={c.label} data-label={label(c)} className={cellClass(c)}>
                      {c.primary || c.single ? c.cell(row) : <div className="data-cell-body">{c.cell(row)}</div>}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </Frame>
  );
}
