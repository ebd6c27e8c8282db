import { FilterBar } from "@/components/ui/filter-bar";
import { contractKinds, contractStatuses } from "@/db/schema/contracts";
import { kindLabel, statusLabel } from "@/lib/format";

export type ListFilters = { q?: string; status?: string; kind?: string; sort?: string };

export function ContractFilters({ filters }: { filters: ListFilters }) {
  return (
    <FilterBar
      action="/partners/contracts"
      q={filters.q}
      placeholder="Contract ID, agreement, partner or signee email"
      filtered={Boolean(filters.q || filters.status || filters.kind)}
      keep={{ sort: filters.sort }}
      selects={[
        {
          name: "status",
          label: "Status",
          value: filters.status,
          options: [["", "All"], ...contractStatuses.map((s): [string, string] => [s, statusLabel[s]])],
        },
        {
          name: "kind",
          label: "Kind",
          value: filters.kind,
          options: [["", "All"], ...contractKinds.map((k): [string, string] => [k, kindLabel[k]])],
        },
      ]}
    />
  );
}
