import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { SubmitOnChangeSelect } from "@/components/ui/submit-on-change";

export type FilterSelect = { name: string; label: string; value?: string; options: [string, string][] };

/**
 * The search-and-filter form above a list. A plain GET form: every filtered view is a URL that can be
 * bookmarked and shared, and it works before JavaScript loads. With JavaScript a select applies on change.
 */
export function FilterBar({
  action,
  q,
  placeholder,
  selects = [],
  filtered,
  keep = {},
}: {
  action: string;
  q?: string;
  placeholder: string;
  selects?: FilterSelect[];
  filtered: boolean;
  /** Parameters the form carries along unchanged (the list's sort order). */
  keep?: Record<string, string | undefined>;
}) {
  const t = useTranslations("Common");
  return (
    <form method="get" action={action} role="search" className="mb-4 flex flex-wrap items-end gap-3">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <div className="min-w-64 flex-1">
        <label htmlFor="q" className="block text-sm font-medium text-foreground">
          {t("search")}
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder={placeholder} className={inputClass} />
      </div>
      {selects.map((s) => (
        <div key={s.name}>
          <label htmlFor={s.name} className="block text-sm font-medium text-foreground">
            {s.label}
          </label>
          <SubmitOnChangeSelect id={s.name} name={s.name} defaultValue={s.value ?? ""} className={inputClass}>
            {s.options.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </SubmitOnChangeSelect>
        </div>
      ))}
      <button type="submit" className={buttonClass("secondary")}>
        {selects.length ? t("apply") : t("search")}
      </button>
      {filtered ? (
        <Link href={action} className="py-2 text-sm text-link hover:underline">
          {selects.length ? t("clearFilters") : t("clearSearch")}
        </Link>
      ) : null}
    </form>
  );
}
