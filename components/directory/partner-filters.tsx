import { FilterBar } from "@/components/ui/filter-bar";
import type { PartnerFilter } from "@/lib/directory/list-partners";

export type DirectoryFilters = { q?: string; status: PartnerFilter; sort?: string };

const statusOptions: [PartnerFilter, string][] = [
  ["all", "All"],
  ["active", "Active"],
  ["invited", "Invited"],
];

export function PartnerFilters({ filters }: { filters: DirectoryFilters }) {
  return (
    <FilterBar
      action="/partners/directory"
      q={filters.q}
      placeholder="Company name or email"
      filtered={Boolean(filters.q) || filters.status !== "all"}
      selects={[{ name: "status", label: "Status", value: filters.status, options: statusOptions }]}
      keep={{ sort: filters.sort }}
    />
  );
}
