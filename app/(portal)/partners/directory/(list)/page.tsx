import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { PartnerFilters, type DirectoryFilters } from "@/components/directory/partner-filters";
import { PartnersTable } from "@/components/directory/partners-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { ListFooter } from "@/components/ui/list-footer";
import { columnSort } from "@/components/ui/column-sort";
import { getDb } from "@/db/client";
import { listPartners, listPartnersSchema } from "@/lib/directory/list-partners";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Directory");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DirectoryPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePartnersViewer("/partners/directory");
  const t = await getT("Directory");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  // Unknown filter values fall back to the defaults rather than failing the page.
  const parsed = listPartnersSchema.parse({ q: one("q"), status: one("status"), sort: one("sort"), page: one("page") });
  const sort = parsed.sort === "-created" ? undefined : parsed.sort;
  const filters: DirectoryFilters = { q: parsed.q || undefined, status: parsed.status, sort };
  const result = await listPartners(await getDb(), viewer, { q: filters.q, status: parsed.status, sort: parsed.sort, page: parsed.page });
  const keep = { q: filters.q, status: filters.status === "all" ? undefined : filters.status };
  const sortBy = (column: "name" | "created", first: "asc" | "desc", words: { asc: string; desc: string }) =>
    columnSort({ path: "/partners/directory", keep, current: parsed.sort, column, first, defaultSort: "-created", words });
  const sorts = {
    name: sortBy("name", "asc", { asc: t("aToZ"), desc: t("zToA") }),
    created: sortBy("created", "desc", { asc: t("oldestFirst"), desc: t("newestFirst") }),
  };
  const create =
    viewer.permissions.agreement.service.create && canChange(viewer) ? (
      <ButtonLink href="/partners/directory/new">
        <Plus aria-hidden="true" /> {t("createPartner")}
      </ButtonLink>
    ) : null;
  const pageHref = (n: number) => {
    const p = new URLSearchParams();
    if (filters.q) p.set("q", filters.q);
    if (filters.status !== "all") p.set("status", filters.status);
    if (sort) p.set("sort", sort);
    p.set("page", String(n));
    return `/partners/directory?${p}`;
  };
  const filtered = Boolean(filters.q || filters.status !== "all" || parsed.page > 1);
  const empty = result.rows.length === 0 && !filtered;
  return (
    <div>
      {/* An empty Directory offers the button in its empty state instead. */}
      <PageHeader title={t("title")} description={t("description")} actions={empty ? null : create} />
      <PartnerFilters filters={filters} />
      {result.rows.length > 0 ? (
        <>
          <PartnersTable rows={result.rows} sorts={sorts} />
          <ListFooter
            count={result.rows.length}
            rowsLabel={t("rowsCount", { count: result.rows.length })}
            page={result.page > 1 || result.hasMore ? result.page : undefined}
            prevHref={result.page > 1 ? pageHref(result.page - 1) : null}
            nextHref={result.hasMore ? pageHref(result.page + 1) : null}
          />
        </>
      ) : filtered ? (
        <EmptyState title={t("noMatchTitle")}>{t("noMatchText")}</EmptyState>
      ) : (
        <EmptyState title={t("emptyTitle")} action={create}>
          {t("emptyText")}
        </EmptyState>
      )}
    </div>
  );
}
