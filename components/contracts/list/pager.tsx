import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { ListFilters } from "./contract-filters";

/** Keyset pages: links carry an opaque cursor plus the filters, so paging keeps the current view. */
export function Pager({ filters, prevCursor, nextCursor }: { filters: ListFilters; prevCursor: string | null; nextCursor: string | null }) {
  if (!prevCursor && !nextCursor) return null;
  const href = (cursor: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
    p.set("cursor", cursor);
    return `/partners/contracts?${p}`;
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
