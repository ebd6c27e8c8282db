import type { Metadata } from "next";
import { IntlIsland } from "@/components/intl-island";
import { getT } from "@/lib/i18n/server";
import { ContractWizard } from "@/components/contracts/wizard/contract-wizard";
import { PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { linkExpiryField, MAX_LINK_DAYS } from "@/lib/contracts/schemas";
import { requirePartnersViewer } from "@/lib/session";
import { createRefusal } from "@/components/people/read-only";
import { createContractAction, previewWizardAgreementAction, searchWizardAgreementsAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Wizard");
  return { title: t("title") };
}

const wizardActions = {
  create: createContractAction,
  searchAgreements: searchWizardAgreementsAction,
  previewAgreement: previewWizardAgreementAction,
};

export default async function NewContractPage() {
  const viewer = await requirePartnersViewer("/partners/contracts/new");
  const t = await getT("Wizard");
  const refusal = createRefusal(viewer, t, { href: "/partners/contracts", label: t("backToContracts") });
  if (refusal) return refusal;
  const agreements = await listWizardAgreements(await getDb(), viewer);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} back={{ href: "/partners/contracts", label: t("contracts") }} />
      <IntlIsland namespaces={["Wizard", "ContractPermissions", "AgreementEditor"]}>
        <ContractWizard
          agreements={agreements}
          canDelegate={viewer.permissions.agreement.service.delegate}
          canProgram={viewer.permissions.agreement.program.create}
          {...linkExpiryField(new Date(), MAX_LINK_DAYS)}
          actions={wizardActions}
        />
      </IntlIsland>
    </div>
  );
}
