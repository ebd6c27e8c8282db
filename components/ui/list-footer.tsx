import { ChevronLeft, ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClass } from "./button";

/**
 * Under a list: how many rows this page shows and the way to the previous and next pages. The lists
 * page by keyset (no total is counted), so the count is the page's, said as such.
 */
export function ListFooter({
  count,
  rowsLabel,
  page,
  prevHref,
  nextHref,
}: {
  count: number;
  /** The counted rows in the reader's language, an ICU plural: "3 events". */
  rowsLabel?: string;
  page?: number;
  prevHref?: string | null;
  nextHref?: string | null;
}) {
  const t = useTranslations("Common");
  const rows = rowsLabel ?? t("rows", { count });
  const paged = Boolean(prevHref || nextHref);
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted-foreground" role="status">
        {paged ? (page ? t("onThisPageNumbered", { rows, page }) : t("onThisPage", { rows })) : t("showing", { rows })}
      </p>
      {paged ? (
        <nav aria-label={t("pages")} className="flex gap-2">
          {prevHref ? (
            <Link href={prevHref} className={buttonClass("secondary", "sm")}>
              <ChevronLeft aria-hidden="true" /> {t("previousPage")}
            </Link>
          ) : (
            <span aria-disabled="true" className={`${buttonClass("secondary", "sm")} pointer-events-none opacity-50`}>
              <ChevronLeft aria-hidden="true" /> {t("previousPage")}
            </span>
          )}
          {nextHref ? (
            <Link href={nextHref} className={buttonClass("secondary", "sm")}>
              {t("nextPage")} <ChevronRight aria-hidden="true" />
            </Link>
          ) : (
            <span aria-disabled="true" className={`${buttonClass("secondary", "sm")} pointer-events-none opacity-50`}>
              {t("nextPage")} <ChevronRight aria-hidden="true" />
            </span>
          )}
        </nav>
      ) : null}
    </div>
  );
}
