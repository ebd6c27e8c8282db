import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { ListFilters } from "./contract-filters";

type PagerProps = { filters: ListFilters; prevCursor: string | null; nextCursor: string | null; basePath?: string };

/** Keyset pages: links carry an opaque cursor plus the filters, so paging keeps the current view (Contracts and Agreements). */
export function Pager({ filters, prevCursor, nextCursor, basePath = "/partners/contracts" }: PagerProps) {
  if (!prevCursor && !nextCursor) return null;
  const href = (cursor: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
    p.set("cursor", cursor);
    return `${basePath}?${p}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex justify-between">
      {prevCursor ? (
        <Link href={href(prevCursor)} className={buttonClass("secondary")}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={href(nextCursor)} className={buttonClass("secondary")}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
