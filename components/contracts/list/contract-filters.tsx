import { FilterBar } from "@/components/ui/filter-bar";
import { contractKinds, contractStatuses } from "@/db/schema/contracts";
import { useTranslations } from "next-intl";

export type ListFilters = { q?: string; status?: string; kind?: string; sort?: string; limit?: string };

export function ContractFilters({ filters }: { filters: ListFilters }) {
  const t = useTranslations("Contracts");
  const common = useTranslations("Common");
  return (
    <FilterBar
      action="/partners/contracts"
      q={filters.q}
      placeholder={t("searchPlaceholder")}
      filtered={Boolean(filters.q || filters.status || filters.kind)}
      keep={{ sort: filters.sort, limit: filters.limit }}
      selects={[
        {
          name: "status",
          label: t("status"),
          value: filters.status,
          options: [["", t("all")], ...contractStatuses.map((s): [string, string] => [s, common(`status.${s}`)])],
        },
        {
          name: "kind",
          label: t("kind"),
          value: filters.kind,
          options: [["", t("all")], ...contractKinds.map((k): [string, string] => [k, common(`kind.${k}`)])],
        },
      ]}
    />
  );
}
