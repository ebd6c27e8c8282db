import Link from "next/link";
import { getDb } from "@/db/client";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { listMailbox } from "@/lib/email/read-mailbox";
import { formatDateTime } from "@/lib/format";
import { orNotFound, requireMailboxViewer } from "./mailbox-gate";
import { MailStatus } from "./status-badge";

export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  const viewer = await requireMailboxViewer("/dev/mailbox");
  const messages = await orNotFound(listMailbox(await getDb(), viewer));
  return (
    <>
      <PageHeader
        title="Mailbox"
        description="Every email this development server has queued, to any address, newest first. Nothing here leaves the machine unless SMTP_URL is set."
      />
      {messages.length === 0 ? (
        <EmptyState title="No email yet">Create a contract with a signee email to send an invitation.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Subject
                </th>
                <th scope="col" className="px-4 py-3">
                  To
                </th>
                <th scope="col" className="px-4 py-3">
                  Status
                </th>
                <th scope="col" className="px-4 py-3">
                  Queued
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
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(m.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
