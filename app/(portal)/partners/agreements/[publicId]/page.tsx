import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddVersionForm } from "@/components/agreements/add-version-form";
import { AgreementText } from "@/components/agreements/agreement-text";
import { VersionsTable } from "@/components/agreements/versions-table";
import { Markdown } from "@/components/markdown";
import { Notice } from "@/components/ui/notice";
import { RelativeTime } from "@/components/ui/relative-time";
import { Badge, Card, PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { agreementTypeLabel } from "@/lib/agreements/schemas";
import { isAppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { addAgreementVersionAction, deleteAgreementVersionAction, publishAgreementVersionAction } from "../actions";

export const metadata: Metadata = { title: "Agreement" };

const versionActions = { publish: publishAgreementVersionAction, remove: deleteAgreementVersionAction };

type Props = { params: Promise<{ publicId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AgreementPage({ params, searchParams }: Props) {
  const { publicId } = await params;
  const viewer = await requirePartnersViewer(`/partners/agreements/${encodeURIComponent(publicId)}`);
  if (!publicIdPattern.agreement.test(publicId)) notFound();
  const sp = await searchParams;
  const version = typeof sp.version === "string" && /^\d{1,7}$/.test(sp.version) ? Number(sp.version) : undefined;
  const agreement = await getAgreement(await getDb(), viewer, { publicId, version }).catch((e) => {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  });
  const shown = agreement.shown;
  // A Read-only member sees versions without Publish, Delete or Add version (the server refuses them anyway).
  const canManage = agreement.canManage && canChange(viewer);
  const nextNumber = Math.max(0, ...agreement.versions.map((v) => v.number)) + 1;
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/partners/agreements", label: "Agreements" }}
        title={agreement.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{agreement.publicId}</span>
            <Badge tone="info">{agreementTypeLabel[agreement.type]}</Badge>
            <span>
              Updated <RelativeTime date={agreement.updatedAt} />
            </span>
          </span>
        }
        actions={
          <p className="text-sm text-foreground" data-testid="active-version">
            {agreement.activeVersion ? `Active version: v${agreement.activeVersion}` : "No active version"}
          </p>
        }
      />
      {agreement.contractsWithUpdates > 0 ? (
        <Notice tone="warning">
          {agreement.contractsWithUpdates === 1 ? "1 active contract is" : `${agreement.contractsWithUpdates} active contracts are`} on an
          older version: Updates available. The signees were emailed to sign v{agreement.activeVersion}.
        </Notice>
      ) : null}
      <Card>
        <h2 className="mb-2 text-sm font-semibold text-muted-foreground">Description</h2>
        <Markdown>{agreement.description}</Markdown>
      </Card>
      {shown ? (
        <Card>
          <div className="mb-3 flex flex-wrap items-center gap-3">
            <h2 className="text-base font-semibold text-foreground">Version {shown.number}</h2>
            {shown.active ? (
              <Badge tone="active">Active</Badge>
            ) : agreement.versions.find((v) => v.number === shown.number)?.draft ? (
              <Badge tone="pending">Draft</Badge>
            ) : (
              <Badge tone="terminated">Inactive</Badge>
            )}
            {shown.active || !agreement.activeVersion ? null : (
              <Link href={`/partners/agreements/${agreement.publicId}`} className="text-sm text-link hover:underline">
                Show the active version
              </Link>
            )}
          </div>
          <AgreementText content={shown.content} kind={shown.contentKind} />
        </Card>
      ) : null}
      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-base font-semibold text-foreground">
          Versions
        </h2>
        <VersionsTable
          agreementId={agreement.publicId}
          versions={agreement.versions}
          shown={shown?.number ?? null}
          canManage={canManage}
          actions={versionActions}
        />
      </section>
      {canManage ? (
        <Card className="max-w-3xl">
          <h2 className="mb-3 text-base font-semibold text-foreground">Add version</h2>
          <AddVersionForm agreementId={agreement.publicId} nextNumber={nextNumber} addVersion={addAgreementVersionAction} />
        </Card>
      ) : null}
    </div>
  );
}
