import Link from "next/link";
import { getDb } from "@/db/client";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { listMailbox } from "@/lib/email/read-mailbox";
import { formatDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound, requireMailboxViewer } from "./mailbox-gate";
import { MailStatus } from "./status-badge";

export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  const viewer = await requireMailboxViewer("/dev/mailbox");
  const messages = await orNotFound(listMailbox(await getDb(), viewer));
  const [locale, t] = await Promise.all([getLocale(), getT("Mailbox")]);
  return (
    <>
      <PageHeader title={t("heading")} description={t("description")} />
      {messages.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("subject")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("to")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("status")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("queued")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {messages.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3">
                    <Link href={`/dev/mailbox/${m.id}`} className="font-medium text-brand-700 hover:underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-slate-700">{m.to}</td>
                  <td className="px-4 py-3">
                    <MailStatus status={m.status} />
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(m.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
