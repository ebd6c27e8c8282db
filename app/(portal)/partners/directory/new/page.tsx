import type { Metadata } from "next";
import { CreatePartnerForm } from "@/components/directory/create-partner-form";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { defaultExpiryDate, MAX_LINK_DAYS } from "@/lib/contracts/schemas";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { ReadOnlyRefusal } from "@/components/people/read-only";
import { createPartnerAction } from "../actions";

export const metadata: Metadata = { title: "Create Partner" };

export default async function NewPartnerPage() {
  const viewer = await requirePartnersViewer("/partners/directory/new");
  if (!canChange(viewer))
    return <ReadOnlyRefusal title="Create Partner" back={{ href: "/partners/directory", label: "Back to Directory" }} />;
  if (!viewer.permissions.agreement.service.create) {
    return (
      <EmptyState
        title="Create Partner is not available"
        action={
          <ButtonLink href="/partners/directory" variant="secondary">
            Back to Directory
          </ButtonLink>
        }
      >
        Your account may not create service agreements and contracts, so it cannot invite partners.
      </EmptyState>
    );
  }
  const agreements = await listWizardAgreements(await getDb(), viewer);
  const now = new Date();
  return (
    <div className="max-w-3xl">
      <PageHeader title="Create Partner" back={{ href: "/partners/directory", label: "Directory" }} />
      <CreatePartnerForm
        agreements={agreements}
        canDelegate={viewer.permissions.agreement.service.delegate}
        canProgram={viewer.permissions.agreement.program.create}
        defaultExpiry={defaultExpiryDate(now)}
        minDate={now.toISOString().slice(0, 10)}
        maxDate={new Date(now.getTime() + MAX_LINK_DAYS * 86_400_000).toISOString().slice(0, 10)}
        create={createPartnerAction}
      />
    </div>
  );
}
