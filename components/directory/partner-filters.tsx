import { useTranslations } from "next-intl";
import { FilterBar } from "@/components/ui/filter-bar";
import type { PartnerFilter } from "@/lib/directory/list-partners";

export type DirectoryFilters = { q?: string; status: PartnerFilter; sort?: string };

export function PartnerFilters({ filters }: { filters: DirectoryFilters }) {
  const t = useTranslations("Directory");
  const statusOptions: [PartnerFilter, string][] = [
    ["all", t("all")],
    ["active", t("statusWord.active")],
    ["invited", t("statusWord.invited")],
  ];
  return (
    <FilterBar
      action="/partners/directory"
      q={filters.q}
      placeholder={t("searchPlaceholder")}
      filtered={Boolean(filters.q) || filters.status !== "all"}
      selects={[{ name: "status", label: t("status"), value: filters.status, options: statusOptions }]}
      keep={{ sort: filters.sort }}
    />
  );
}
