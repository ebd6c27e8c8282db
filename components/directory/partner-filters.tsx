import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { PartnerFilter } from "@/lib/directory/list-partners";

export type DirectoryFilters = { q?: string; status: PartnerFilter };

const statusOptions: [PartnerFilter, string][] = [
  ["all", "All"],
  ["active", "Active"],
  ["invited", "Invited"],
];

// A plain GET form: each filtered view is a URL that can be bookmarked and shared.
export function PartnerFilters({ filters }: { filters: DirectoryFilters }) {
  return (
    <form method="get" action="/partners/directory" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <label htmlFor="q" className="block text-sm font-medium text-slate-800">
          Search
        </label>
        <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="Company name or email" className={inputClass} />
      </div>
      <div>
        <label htmlFor="status" className="block text-sm font-medium text-slate-800">
          Status
        </label>
        <select id="status" name="status" defaultValue={filters.status} className={inputClass}>
          {statusOptions.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      {filters.q || filters.status !== "all" ? (
        <Link href="/partners/directory" className="py-2 text-sm text-brand-700 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
