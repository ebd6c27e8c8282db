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

export const metadata: Metadata = { title: "Agreements" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePartnersViewer("/partners/agreements");
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
    words: { asc: "least recently changed first", desc: "most recently changed first" },
  });
  // A program-only reseller makes program agreements: no word of service contracts for it.
  const serviceToo = viewer.permissions.agreement.service.create;
  const create = canChange(viewer) ? (
    <ButtonLink href="/partners/agreements/new">
      <Plus aria-hidden="true" /> Create Agreement
    </ButtonLink>
  ) : null;
  return (
    <div>
      <PageHeader
        title="Agreements"
        description={
          serviceToo
            ? "Agreements your partners sign. A service contract is always made on a service agreement."
            : "The program agreements your account offers its partners."
        }
        actions={create}
      />
      <FilterBar action="/partners/agreements" q={q} placeholder="Agreement name or ID" filtered={Boolean(q)} keep={{ sort }} />
      {page.rows.length > 0 ? (
        <>
          <AgreementsTable rows={page.rows} updatedSort={updatedSort} />
          <Pager
            basePath="/partners/agreements"
            filters={{ q, sort }}
            count={page.rows.length}
            noun={["agreement", "agreements"]}
            prevCursor={page.prevCursor}
            nextCursor={page.nextCursor}
          />
        </>
      ) : q || parsed.cursor ? (
        <EmptyState title="No agreements match">Try another name or agreement ID, or clear the search.</EmptyState>
      ) : (
        <EmptyState title="No agreements yet" action={create}>
          {serviceToo ? "Write a service agreement first: every service contract is made on one." : "Write your first program agreement."}
        </EmptyState>
      )}
    </div>
  );
}
