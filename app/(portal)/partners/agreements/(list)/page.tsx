import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { AgreementsTable } from "@/components/agreements/agreements-table";
import { Pager } from "@/components/contracts/list/pager";
import { ButtonLink } from "@/components/ui/button";
import { FilterBar } from "@/components/ui/filter-bar";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { columnSort } from "@/components/ui/column-sort";
import { getDb } from "@/db/client";
import { listAgreements, listAgreementsSchema } from "@/lib/agreements/list-agreements";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Agreements");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePartnersViewer("/partners/agreements");
  const t = await getT("Agreements");
  const sp = await searchParams;
  const parsed = listAgreementsSchema.parse({
    q: typeof sp.q === "string" ? sp.q : undefined,
    sort: typeof sp.sort === "string" ? sp.sort : undefined,
    cursor: typeof sp.cursor === "string" ? sp.cursor : undefined,
  });
  const q = parsed.q || undefined;
  const sort = parsed.sort === "-updated" ? undefined : parsed.sort;
  const page = await listAgreements(await getDb(), viewer, { q, sort: parsed.sort, cursor: parsed.cursor });
  const updatedSort = columnSort({
    path: "/partners/agreements",
    keep: { q },
    current: parsed.sort,
    column: "updated",
    first: "desc",
    defaultSort: "-updated",
    words: { asc: t("leastRecent"), desc: t("mostRecent") },
  });
  // A program-only reseller makes program agreements: no word of service contracts for it.
  const serviceToo = viewer.permissions.agreement.service.create;
  const create = canChange(viewer) ? (
    <ButtonLink href="/partners/agreements/new">
      <Plus aria-hidden="true" /> {t("create")}
    </ButtonLink>
  ) : null;
  return (
    <div>
      <PageHeader title={t("title")} description={serviceToo ? t("descriptionService") : t("descriptionProgram")} actions={create} />
      <FilterBar action="/partners/agreements" q={q} placeholder={t("searchPlaceholder")} filtered={Boolean(q)} keep={{ sort }} />
      {page.rows.length > 0 ? (
        <>
          <AgreementsTable rows={page.rows} updatedSort={updatedSort} />
          <Pager
            basePath="/partners/agreements"
            filters={{ q, sort }}
            count={page.rows.length}
            rowsLabel={t("rowsCount", { count: page.rows.length })}
            prevCursor={page.prevCursor}
            nextCursor={page.nextCursor}
          />
        </>
      ) : q || parsed.cursor ? (
        <EmptyState title={t("noMatchTitle")}>{t("noMatchText")}</EmptyState>
      ) : (
        <EmptyState title={t("emptyTitle")} action={create}>
          {serviceToo ? t("emptyService") : t("emptyProgram")}
        </EmptyState>
      )}
    </div>
  );
}
