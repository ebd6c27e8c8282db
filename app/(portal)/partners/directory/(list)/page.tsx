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

export const metadata: Metadata = { title: "Directory" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DirectoryPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePartnersViewer("/partners/directory");
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
    name: sortBy("name", "asc", { asc: "A to Z", desc: "Z to A" }),
    created: sortBy("created", "desc", { asc: "oldest first", desc: "newest first" }),
  };
  const create =
    viewer.permissions.agreement.service.create && canChange(viewer) ? (
      <ButtonLink href="/partners/directory/new">
        <Plus aria-hidden="true" /> Create Partner
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
      <PageHeader
        title="Directory"
        description="Your partners: reseller accounts on your contracts, and invitations still pending."
        actions={empty ? null : create}
      />
      <PartnerFilters filters={filters} />
      {result.rows.length > 0 ? (
        <>
          <PartnersTable rows={result.rows} sorts={sorts} />
          <ListFooter
            count={result.rows.length}
            noun={["partner", "partners"]}
            page={result.page > 1 || result.hasMore ? result.page : undefined}
            prevHref={result.page > 1 ? pageHref(result.page - 1) : null}
            nextHref={result.hasMore ? pageHref(result.page + 1) : null}
          />
        </>
      ) : filtered ? (
        <EmptyState title="No partners match">Try another search or clear the filters.</EmptyState>
      ) : (
        <EmptyState title="No partners yet" action={create}>
          Create a partner to invite a reseller: you will get an activation link, and the invitation is emailed to them.
        </EmptyState>
      )}
    </div>
  );
}
