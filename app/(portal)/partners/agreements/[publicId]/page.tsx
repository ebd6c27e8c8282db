import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { islandProps } from "@/components/agreements/island-props";
import { getT } from "@/lib/i18n/server";
import { AddVersionForm } from "@/components/agreements/add-version-form";
import { VersionTextsView } from "@/components/agreements/version-texts-view";
import { VersionsTable } from "@/components/agreements/versions-table";
import { Markdown } from "@/components/markdown";
import { Notice } from "@/components/ui/notice";
import { RelativeTime } from "@/components/ui/relative-time";
import { Badge, Card, PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { listVersionTexts } from "@/lib/agreements/version-texts";
import { isAppError } from "@/lib/errors";
import { publicIdPattern } from "@/lib/ids";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { addAgreementVersionAction, deleteAgreementVersionAction, publishAgreementVersionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Agreements");
  return { title: t("pageTitle") };
}

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
  // Issue 24: the shown version's texts in other languages, as tabs beside its main text (a link version has none).
  const texts = shown?.contentKind === "markdown" ? await listVersionTexts(await getDb(), viewer, agreement.publicId, shown.number) : [];
  const tEditor = await getT("AgreementEditor");
  const t = await getT("Agreements");
  const island = await islandProps(["Agreements", "AgreementEditor"]);
  // A Read-only member sees versions without Publish, Delete or Add version (the server refuses them anyway).
  const canManage = agreement.canManage && canChange(viewer);
  const nextNumber = Math.max(0, ...agreement.versions.map((v) => v.number)) + 1;
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/partners/agreements", label: t("title") }}
        title={agreement.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{agreement.publicId}</span>
            <Badge tone="info">{t(`type.${agreement.type}`)}</Badge>
            <span>
              {t("updatedLabel")} <RelativeTime date={agreement.updatedAt} />
            </span>
          </span>
        }
        actions={
          <p className="text-sm text-foreground" data-testid="active-version">
            {agreement.activeVersion ? t("activeVersionIs", { number: agreement.activeVersion }) : t("noActiveVersion")}
          </p>
        }
      />
      {agreement.contractsWithUpdates > 0 ? (
        <Notice tone="warning">{t("olderVersion", { count: agreement.contractsWithUpdates, number: agreement.activeVersion ?? 0 })}</Notice>
      ) : null}
      <Card>
        <h2 className="mb-2 text-sm font-semibold text-muted-foreground">{t("description")}</h2>
        <Markdown>{agreement.description}</Markdown>
      </Card>
      {shown ? (
        <Card>
          <div className="mb-3 flex flex-wrap items-center gap-3">
            <h2 className="text-base font-semibold text-foreground">{t("version", { number: shown.number })}</h2>
            {shown.active ? (
              <Badge tone="active">{t("active")}</Badge>
            ) : agreement.versions.find((v) => v.number === shown.number)?.draft ? (
              <Badge tone="pending">{t("draft")}</Badge>
            ) : (
              <Badge tone="terminated">{t("inactive")}</Badge>
            )}
            {shown.active || !agreement.activeVersion ? null : (
              <Link href={`/partners/agreements/${agreement.publicId}`} className="text-sm text-link hover:underline">
                {t("showActive")}
              </Link>
            )}
          </div>
          <VersionTextsView
            content={shown.content}
            kind={shown.contentKind}
            texts={texts}
            selected={typeof sp.text === "string" ? sp.text : undefined}
            href={`/partners/agreements/${agreement.publicId}${version === shown.number ? `?version=${shown.number}` : ""}`}
            words={{
              mainText: t("mainText"),
              languages: t("textLanguages", { number: shown.number }),
              agreementText: tEditor("agreementText"),
            }}
          />
        </Card>
      ) : null}
      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-base font-semibold text-foreground">
          {t("versions")}
        </h2>
        <NextIntlClientProvider {...island}>
          <VersionsTable
            agreementId={agreement.publicId}
            versions={agreement.versions}
            shown={shown?.number ?? null}
            canManage={canManage}
            actions={versionActions}
          />
        </NextIntlClientProvider>
      </section>
      {canManage ? (
        <Card className="max-w-3xl">
          <h2 className="mb-3 text-base font-semibold text-foreground">{t("addVersion")}</h2>
          <NextIntlClientProvider {...island}>
            <AddVersionForm agreementId={agreement.publicId} nextNumber={nextNumber} addVersion={addAgreementVersionAction} />
          </NextIntlClientProvider>
        </Card>
      ) : null}
    </div>
  );
}
