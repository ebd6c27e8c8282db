import { ChartNoAxesColumn, Download, Plus, Upload } from "lucide-react";
import type { Metadata } from "next";
import { ContractFilters, type ListFilters } from "@/components/contracts/list/contract-filters";
import { ContractsTable } from "@/components/contracts/list/contracts-table";
import { Pager } from "@/components/contracts/list/pager";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import type { ColumnSort } from "@/components/ui/table-shell";
import { columnSort } from "@/components/ui/column-sort";
import { listContractsSchema } from "@/lib/contracts/list-contracts";
import { issuerContractsPage } from "@/lib/page-data";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Contracts");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ContractsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePartnersViewer("/partners/contracts");
  const t = await getT("Contracts");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  // Unknown filter values fall back to "All" rather than failing the page.
  const parsed = listContractsSchema.parse({
    q: one("q"),
    status: one("status"),
    kind: one("kind"),
    sort: one("sort"),
    cursor: one("cursor"),
    limit: one("limit"),
  });
  const sort = parsed.sort === "-created" ? undefined : parsed.sort;
  // Rows per page: 25 unless the address asks for 10–100 (kept by the pager's links).
  const limit = parsed.limit === 25 ? undefined : String(parsed.limit);
  const filters: ListFilters = { q: parsed.q || undefined, status: parsed.status, kind: parsed.kind, sort, limit };
  const page = await issuerContractsPage(viewer, {
    q: filters.q,
    status: parsed.status,
    kind: parsed.kind,
    sort: parsed.sort,
    cursor: parsed.cursor,
    limit: parsed.limit,
  });
  // A header sorts newest first; a second click on the same header, oldest first. A new sort starts at page one.
  const sortBy = (column: "created" | "updated"): ColumnSort =>
    columnSort({
      path: "/partners/contracts",
      keep: { q: filters.q, status: filters.status, kind: filters.kind },
      current: parsed.sort,
      column,
      first: "desc",
      defaultSort: "-created",
      words: { asc: t("oldestFirst"), desc: t("newestFirst") },
    });
  const canCreate = viewer.permissions.agreement.service.create && canChange(viewer);
  const create = canCreate ? (
    <ButtonLink href="/partners/contracts/new">
      <Plus aria-hidden="true" /> {t("create")}
    </ButtonLink>
  ) : null;
  const exportQuery = new URLSearchParams(
    Object.entries({ q: filters.q, status: filters.status, kind: filters.kind }).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const exportHref = `/partners/contracts/export${exportQuery ? `?${exportQuery}` : ""}`;
  const headerActions = (
    <div className="flex flex-wrap items-center gap-2">
      {canCreate ? (
        <ButtonLink href="/partners/contracts/funnel" variant="secondary">
          <ChartNoAxesColumn aria-hidden="true" /> {t("funnel")}
        </ButtonLink>
      ) : null}
      {canCreate ? (
        // A plain link: the browser downloads the streamed file (the list's filters and search, no page cursor).
        <a href={exportHref} download className={buttonClass("secondary")}>
          <Download aria-hidden="true" /> {t("exportCsv")}
        </a>
      ) : null}
      {canCreate ? (
        <ButtonLink href="/partners/contracts/bulk" variant="secondary">
          <Upload aria-hidden="true" /> {t("inviteInBulk")}
        </ButtonLink>
      ) : null}
      {create}
    </div>
  );
  const filtered = Boolean(filters.q || filters.status || filters.kind || parsed.cursor);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} actions={headerActions} />
      <ContractFilters filters={filters} />
      {page.rows.length > 0 ? (
        <>
          <ContractsTable rows={page.rows} sorts={{ created: sortBy("created"), updated: sortBy("updated") }} />
          <Pager
            filters={filters}
            count={page.rows.length}
            rowsLabel={t("rowsCount", { count: page.rows.length })}
            prevCursor={page.prevCursor}
            nextCursor={page.nextCursor}
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
