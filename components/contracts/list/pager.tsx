import { ListFooter } from "@/components/ui/list-footer";
import type { ListFilters } from "./contract-filters";

type PagerProps = {
  filters: ListFilters;
  count: number;
  /** The counted rows in the reader's language (an ICU plural): "3 contracts". */
  rowsLabel: string;
  prevCursor: string | null;
  nextCursor: string | null;
  basePath?: string;
};

/** Keyset pages: links carry an opaque cursor plus the filters, so paging keeps the current view (Contracts and Agreements). */
export function Pager({ filters, count, rowsLabel, prevCursor, nextCursor, basePath = "/partners/contracts" }: PagerProps) {
  const href = (cursor: string | null) => {
    if (!cursor) return null;
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v);
    p.set("cursor", cursor);
    return `${basePath}?${p}`;
  };
  return <ListFooter count={count} rowsLabel={rowsLabel} prevHref={href(prevCursor)} nextHref={href(nextCursor)} />;
}
