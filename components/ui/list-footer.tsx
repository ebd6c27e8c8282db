import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "./button";

/**
 * Under a list: how many rows this page shows and the way to the previous and next pages. The lists
 * page by keyset (no total is counted), so the count is the page's, said as such.
 */
export function ListFooter({
  count,
  noun,
  page,
  prevHref,
  nextHref,
}: {
  count: number;
  noun: [string, string];
  page?: number;
  prevHref?: string | null;
  nextHref?: string | null;
}) {
  const rows = `${count} ${count === 1 ? noun[0] : noun[1]}`;
  const paged = Boolean(prevHref || nextHref);
  return (
    <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-muted-foreground" role="status">
        {paged ? `${rows} on this page${page ? ` (page ${page})` : ""}` : `Showing ${rows}`}
      </p>
      {paged ? (
        <nav aria-label="Pages" className="flex gap-2">
          {prevHref ? (
            <Link href={prevHref} className={buttonClass("secondary", "sm")}>
              <ChevronLeft aria-hidden="true" /> Previous page
            </Link>
          ) : (
            <span aria-disabled="true" className={`${buttonClass("secondary", "sm")} pointer-events-none opacity-50`}>
              <ChevronLeft aria-hidden="true" /> Previous page
            </span>
          )}
          {nextHref ? (
            <Link href={nextHref} className={buttonClass("secondary", "sm")}>
              Next page <ChevronRight aria-hidden="true" />
            </Link>
          ) : (
            <span aria-disabled="true" className={`${buttonClass("secondary", "sm")} pointer-events-none opacity-50`}>
              Next page <ChevronRight aria-hidden="true" />
            </span>
          )}
        </nav>
      ) : null}
    </div>
  );
}
