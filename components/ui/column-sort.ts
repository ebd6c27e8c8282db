import type { ColumnSort } from "./table-shell";

/**
 * A sortable header's link and state, for a list whose `sort` parameter is a column name with "-" first
 * for descending. The first click sorts the column its natural way (`first`: dates newest first, names A to Z),
 * the next click the other way; the list's other parameters are kept, and a new sort starts at page one.
 */
export function columnSort(opts: {
  path: string;
  keep: Record<string, string | undefined>;
  current: string;
  column: string;
  first: "asc" | "desc";
  defaultSort: string;
  /** How each direction reads: { asc: "oldest first", desc: "newest first" }. */
  words: { asc: string; desc: string };
}): ColumnSort {
  const { path, keep, current, column, first, defaultSort, words } = opts;
  const state = current === `-${column}` ? "descending" : current === column ? "ascending" : "none";
  const next = state === "none" ? (first === "desc" ? `-${column}` : column) : state === "descending" ? column : `-${column}`;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(keep)) if (v) p.set(k, v);
  if (next !== defaultSort) p.set("sort", next);
  const qs = p.toString();
  return { href: `${path}${qs ? `?${qs}` : ""}`, state, next: next.startsWith("-") ? words.desc : words.asc };
}
