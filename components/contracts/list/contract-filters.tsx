import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { contractKinds, contractStatuses } from "@/db/schema/contracts";
import { kindLabel, statusLabel } from "@/lib/format";

export type ListFilters = { q?: string; status?: string; kind?: string };

// A plain GET form: every filtered view is a URL that can be bookmarked and shared.
export function ContractFilters({ filters }: { filters: ListFilters }) {
  return (
    <form method="get" action="/partners/contracts" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <label htmlFor="q" className="block text-sm font-medium text-slate-800">
          Search
        </label>
        <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="Contract ID, agreement, partner or signee email" className={inputClass} />
      </div>
      <Select name="status" label="Status" value={filters.status} options={contractStatuses.map((s) => [s, statusLabel[s]])} />
      <Select name="kind" label="Kind" value={filters.kind} options={contractKinds.map((k) => [k, kindLabel[k]])} />
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      {filters.q || filters.status || filters.kind ? (
        <Link href="/partners/contracts" className="py-2 text-sm text-brand-700 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
