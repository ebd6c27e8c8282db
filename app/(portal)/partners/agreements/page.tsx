import type { Metadata } from "next";
import Link from "next/link";
import { AgreementsTable } from "@/components/agreements/agreements-table";
import { Pager } from "@/components/contracts/list/pager";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { listAgreements, listAgreementsSchema } from "@/lib/agreements/list-agreements";
import { requirePartnersViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Agreements" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePartnersViewer("/partners/agreements");
  const sp = await searchParams;
  const parsed = listAgreementsSchema.parse({ q: typeof sp.q === "string" ? sp.q : undefined, cursor: typeof sp.cursor === "string" ? sp.cursor : undefined });
  const q = parsed.q || undefined;
  const page = await listAgreements(await getDb(), viewer, { q, cursor: parsed.cursor });
  const create = <ButtonLink href="/partners/agreements/new">Create Agreement</ButtonLink>;
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-slate-600">Agreements your partners sign. A service contract is always made on a service agreement.</p>
        {create}
      </div>
      <form method="get" action="/partners/agreements" role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input id="q" name="q" type="search" defaultValue={q} placeholder="Agreement name or ID" className={inputClass} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
        {q ? (
          <Link href="/partners/agreements" className="py-2 text-sm text-brand-700 hover:underline">
            Clear search
          </Link>
        ) : null}
      </form>
      {page.rows.length > 0 ? (
        <>
          <AgreementsTable rows={page.rows} />
          <Pager basePath="/partners/agreements" filters={{ q }} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
        </>
      ) : q || parsed.cursor ? (
        <EmptyState title="No agreements match">Try another name or agreement ID, or clear the search.</EmptyState>
      ) : (
        <EmptyState title="No agreements yet" action={create}>
          Write a service agreement first: every service contract is made on one.
        </EmptyState>
      )}
    </div>
  );
}
