import type { Metadata } from "next";
import { BulkInvite } from "@/components/contracts/bulk/bulk-invite";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { BULK_MAX_ROWS } from "@/lib/bulk/schemas";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { defaultExpiryDate, MAX_LINK_DAYS } from "@/lib/contracts/schemas";
import { requirePartnersViewer } from "@/lib/session";
import { previewBulkInviteAction, runBulkInviteBatchAction } from "./actions";

export const metadata: Metadata = { title: "Invite in bulk" };

export default async function BulkInvitePage() {
  const viewer = await requirePartnersViewer("/partners/contracts/bulk");
  if (!viewer.permissions.agreement.service.create) {
    return (
      <EmptyState
        title="Invite in bulk is not available"
        action={
          <ButtonLink href="/partners/contracts" variant="secondary">
            Back to Contracts
          </ButtonLink>
        }
      >
        Your account may not create service contracts.
      </EmptyState>
    );
  }
  const agreements = await listWizardAgreements(await getDb(), viewer);
  const now = new Date();
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Invite in bulk"
        description={`Upload a CSV file of up to ${BULK_MAX_ROWS} partners: one contract with its invitation per row.`}
        back={{ href: "/partners/contracts", label: "Contracts" }}
      />
      <BulkInvite
        agreements={agreements}
        defaultExpiry={defaultExpiryDate(now)}
        minDate={now.toISOString().slice(0, 10)}
        maxDate={new Date(now.getTime() + MAX_LINK_DAYS * 86_400_000).toISOString().slice(0, 10)}
        actions={{ preview: previewBulkInviteAction, run: runBulkInviteBatchAction }}
      />
    </div>
  );
}
