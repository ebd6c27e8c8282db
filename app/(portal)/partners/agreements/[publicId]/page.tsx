import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddVersionForm } from "@/components/agreements/add-version-form";
import { AgreementNotices } from "@/components/agreements/agreement-notices";
import { PublishConfirm } from "@/components/agreements/publish-confirm";
import { AgreementText } from "@/components/agreements/agreement-text";
import { VersionsTable } from "@/components/agreements/versions-table";
import { Markdown } from "@/components/markdown";
import { Badge, Card } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { agreementTypeLabel } from "@/lib/agreements/schemas";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { publicIdPattern } from "@/lib/ids";
import { requirePartnersViewer } from "@/lib/session";
import { addAgreementVersionAction, deleteAgreementVersionAction, publishAgreementVersionAction } from "../actions";

export const metadata: Metadata = { title: "Agreement" };

const versionActions = { remove: deleteAgreementVersionAction };

/** A version number from the URL (?version, ?publish, ?saved, ?published); anything else is none. */
const versionParam = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{1,7}$/.test(v) ? Number(v) : undefined);

type Props = { params: Promise<{ publicId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgreementPage({ params, searchParams }: Props) {
  const { publicId } = await params;
  const viewer = await requirePartnersViewer(`/partners/agreements/${encodeURIComponent(publicId)}`);
  if (!publicIdPattern.agreement.test(publicId)) notFound();
  const sp = await searchParams;
  const version = versionParam(sp.version);
  const agreement = await getAgreement(await getDb(), viewer, { publicId, version }).catch((e) => {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  });
  // The Publish confirmation step, with the counts read now on the server (none for the active version).
  const publishing = agreement.canManage ? agreement.versions.find((v) => v.number === versionParam(sp.publish) && v.publish) : undefined;
  const shown = agreement.shown;
  const nextNumber = Math.max(0, ...agreement.versions.map((v) => v.number)) + 1;
  return (
    <div className="space-y-6">
      <Link href="/partners/agreements" className="text-sm text-brand-700 hover:underline">
        ← Agreements
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-xl font-semibold text-slate-900">{agreement.name}</h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span className="font-mono">{agreement.publicId}</span>
            <Badge tone="info">{agreementTypeLabel[agreement.type]}</Badge>
            <span>Updated {formatDateTime(agreement.updatedAt)}</span>
          </p>
        </div>
        <p className="text-sm text-slate-700" data-testid="active-version">
          {agreement.activeVersion ? `Active version: v${agreement.activeVersion}` : "No active version"}
        </p>
      </div>
      <AgreementNotices agreement={agreement} saved={versionParam(sp.saved)} published={versionParam(sp.published)} />
      {publishing?.publish ? (
        <PublishConfirm agreementId={agreement.publicId} number={publishing.number} counts={publishing.publish} publish={publishAgreementVersionAction} cancelHref={`/partners/agreements/${agreement.publicId}`} />
      ) : null}
      <Card>
        <h3 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-500">Description</h3>
        <Markdown>{agreement.description}</Markdown>
      </Card>
      {shown ? (
        <Card>
          <div className="mb-3 flex flex-wrap items-center gap-3">
            <h3 className="text-base font-semibold text-slate-900">Version {shown.number}</h3>
            {shown.active ? <Badge tone="active">Active</Badge> : <Badge tone="terminated">{agreement.versions.find((v) => v.number === shown.number)?.draft ? "Draft" : "Inactive"}</Badge>}
            {shown.active || !agreement.activeVersion ? null : (
              <Link href={`/partners/agreements/${agreement.publicId}`} className="text-sm text-brand-700 hover:underline">
                Show the active version
              </Link>
            )}
          </div>
          <AgreementText content={shown.content} kind={shown.contentKind} />
        </Card>
      ) : null}
      <Card>
        <h3 className="mb-3 text-base font-semibold text-slate-900">Versions</h3>
        <VersionsTable agreementId={agreement.publicId} versions={agreement.versions} shown={shown?.number ?? null} canManage={agreement.canManage} actions={versionActions} />
      </Card>
      {agreement.canManage ? (
        <Card>
          <h3 className="mb-3 text-base font-semibold text-slate-900">Add version</h3>
          <AddVersionForm agreementId={agreement.publicId} nextNumber={nextNumber} addVersion={addAgreementVersionAction} />
        </Card>
      ) : null}
    </div>
  );
}
