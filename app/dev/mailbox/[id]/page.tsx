import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/layout";
import { readMailboxMessage } from "@/lib/email/read-mailbox";
import { formatDateTime } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound, requireMailboxViewer } from "../mailbox-gate";
import { MailStatus } from "../status-badge";
import { LinkedText } from "./linked-text";

export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireMailboxViewer(`/dev/mailbox/${encodeURIComponent(id)}`);
  const m = await orNotFound(readMailboxMessage(await getDb(), viewer, id));
  const [locale, t] = await Promise.all([getLocale(), getT("Mailbox")]);
  const facts: [string, React.ReactNode][] = [
    [t("to"), m.to],
    [t("status"), <MailStatus key="s" status={m.status} />],
    [t("queued"), formatDateTime(m.createdAt, locale)],
    [t("delivered"), formatDateTime(m.sentAt, locale)],
    [t("attempts"), String(m.attempts)],
    ...(m.lastError ? ([[t("lastError"), m.lastError]] as [string, string][]) : []),
  ];
  return (
    <>
      <Link href="/dev/mailbox" className="text-sm text-brand-700 hover:underline">
        {t("allEmail")}
      </Link>
      <PageHeader title={m.subject} />
      <Card className="mb-6">
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-600">{k}</dt>
              <dd className="text-slate-900 [overflow-wrap:anywhere]">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-base font-semibold text-slate-900">{t("textPart")}</h2>
          <LinkedText text={m.text} />
        </Card>
        <Card>
          <h2 className="mb-3 text-base font-semibold text-slate-900">{t("htmlPart")}</h2>
          {/* sandbox="": no script, no forms, no navigation of this page; links are followed from the text part. */}
          <iframe title={t("htmlPart")} sandbox="" srcDoc={m.html} className="h-[28rem] w-full rounded border border-slate-200 bg-white" />
        </Card>
      </div>
    </>
  );
}
