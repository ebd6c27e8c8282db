import type { Metadata } from "next";
import { OwnedContractsTable } from "@/components/reseller/owned-contracts-table";
import { PermissionSources } from "@/components/reseller/permission-sources";
import { UpdatesPrompt } from "@/components/reseller/updates-prompt";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { listOwnedContracts, permissionSources } from "@/lib/reseller/list-owned-contracts";
import { getT } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { ReadOnlyNotice } from "@/components/people/read-only";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Shell"))("resellerPortal") };
}

export default async function ResellerHome() {
  const viewer = await requireViewer("/reseller");
  const [contracts, t, shell] = await Promise.all([listOwnedContracts(await getDb(), viewer), getT("Reseller"), getT("Shell")]);
  const p = viewer.permissions.agreement;
  const actions = (
    <>
      {p.program.create || p.service.create ? (
        <ButtonLink href="/partners/agreements" variant="secondary">
          {shell("agreements")}
        </ButtonLink>
      ) : null}
      {p.service.create && canChange(viewer) ? <ButtonLink href="/partners/contracts/new">{t("createContract")}</ButtonLink> : null}
    </>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={viewer.accountName} description={`${shell("resellerPortal")} · ${viewer.accountPublicId}`} actions={actions} />
      {canChange(viewer) ? <UpdatesPrompt contracts={contracts} /> : <ReadOnlyNotice />}
      <section aria-labelledby="contracts-heading" className="space-y-3">
        <h2 id="contracts-heading" className="text-lg font-semibold text-foreground">
          {t("yourContracts")}
        </h2>
        {contracts.length === 0 ? (
          <EmptyState title={t("noContracts")}>{t("noContractsText")}</EmptyState>
        ) : (
          <OwnedContractsTable contracts={contracts} />
        )}
      </section>
      <PermissionSources sources={permissionSources(viewer, contracts)} />
    </div>
  );
}
