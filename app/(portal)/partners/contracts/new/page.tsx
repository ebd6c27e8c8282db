import type { Metadata } from "next";
import { ContractWizard } from "@/components/contracts/wizard/contract-wizard";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { defaultExpiryDate, MAX_LINK_DAYS } from "@/lib/contracts/schemas";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { ReadOnlyRefusal } from "@/components/people/read-only";
import { createContractAction, previewWizardAgreementAction, searchWizardAgreementsAction } from "../actions";

export const metadata: Metadata = { title: "Create Contract" };

const wizardActions = {
  create: createContractAction,
  searchAgreements: searchWizardAgreementsAction,
  previewAgreement: previewWizardAgreementAction,
};

export default async function NewContractPage() {
  const viewer = await requirePartnersViewer("/partners/contracts/new");
  if (!canChange(viewer))
    return <ReadOnlyRefusal title="Create Contract" back={{ href: "/partners/contracts", label: "Back to Contracts" }} />;
  if (!viewer.permissions.agreement.service.create) {
    return (
      <EmptyState
        title="Create Contract is not available"
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
    <div className="max-w-3xl">
      <PageHeader title="Create Contract" back={{ href: "/partners/contracts", label: "Contracts" }} />
      <ContractWizard
        agreements={agreements}
        canDelegate={viewer.permissions.agreement.service.delegate}
        canProgram={viewer.permissions.agreement.program.create}
        defaultExpiry={defaultExpiryDate(now)}
        minDate={now.toISOString().slice(0, 10)}
        maxDate={new Date(now.getTime() + MAX_LINK_DAYS * 86_400_000).toISOString().slice(0, 10)}
        actions={wizardActions}
      />
    </div>
  );
}
