import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SecurityEventsTable } from "@/components/people/security-events-table";
import { EmptyState } from "@/components/ui/layout";
import { ListFooter } from "@/components/ui/list-footer";
import { getDb } from "@/db/client";
import { canManageAccount } from "@/lib/accounts/roles";
import { now } from "@/lib/clock";
import { getT } from "@/lib/i18n/server";
import { listSecurityEvents } from "@/lib/security/events";
import { requireViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("sections.securityEvents") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Owners and Admins only: the account's sign-ins, failures, password and two-factor changes, and user changes. */
export default async function SecurityEventsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("/settings/security-events");
  if (!canManageAccount(viewer)) notFound();
  const sp = await searchParams;
  const t = await getT("Security");
  const page = await listSecurityEvents(await getDb(), viewer, { cursor: typeof sp.cursor === "string" ? sp.cursor : undefined });
  const href = (cursor: string | null) => (cursor ? `/settings/security-events?cursor=${encodeURIComponent(cursor)}` : null);
  return (
    <section aria-labelledby="events-heading" className="space-y-4">
      <div>
        <h2 id="events-heading" className="text-base font-semibold text-foreground">
          {t("eventsTitle")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("eventsIntro")}</p>
      </div>
      {page.rows.length > 0 ? (
        <>
          <SecurityEventsTable rows={page.rows} now={now().toISOString()} />
          <ListFooter
            count={page.rows.length}
            rowsLabel={t("eventCount", { count: page.rows.length })}
            prevHref={href(page.prevCursor)}
            nextHref={href(page.nextCursor)}
          />
        </>
      ) : (
        <EmptyState title={t("noEvents")}>{t("noEventsText")}</EmptyState>
      )}
    </section>
  );
}
