import type { Metadata } from "next";
import { OwnedContractsTable } from "@/components/reseller/owned-contracts-table";
import { PermissionSources } from "@/components/reseller/permission-sources";
import { UpdatesPrompt } from "@/components/reseller/updates-prompt";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { listOwnedContracts, permissionSources } from "@/lib/reseller/list-owned-contracts";
import { requireViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { ReadOnlyNotice } from "@/components/people/read-only";

export const metadata: Metadata = { title: "Reseller Portal" };

export default async function ResellerHome() {
  const viewer = await requireViewer("/reseller");
  const contracts = await listOwnedContracts(await getDb(), viewer);
  const p = viewer.permissions.agreement;
  const actions = (
    <>
      {p.program.create || p.service.create ? (
        <ButtonLink href="/partners/agreements" variant="secondary">
          Agreements
        </ButtonLink>
      ) : null}
      {p.service.create && canChange(viewer) ? <ButtonLink href="/partners/contracts/new">Create Contract</ButtonLink> : null}
    </>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={viewer.accountName} description={`Reseller Portal · ${viewer.accountPublicId}`} actions={actions} />
      {canChange(viewer) ? <UpdatesPrompt contracts={contracts} /> : <ReadOnlyNotice />}
      <section aria-labelledby="contracts-heading" className="space-y-3">
        <h2 id="contracts-heading" className="text-lg font-semibold text-foreground">
          Your contracts
        </h2>
        {contracts.length === 0 ? (
          <EmptyState title="No contracts yet">
            Contracts you sign with a distributor appear here, with their agreements and versions.
          </EmptyState>
        ) : (
          <OwnedContractsTable contracts={contracts} />
        )}
      </section>
      <PermissionSources sources={permissionSources(viewer, contracts)} />
    </div>
  );
}
