import type { Metadata } from "next";
import { IntlIsland } from "@/components/intl-island";
import { getT } from "@/lib/i18n/server";
import { CreatePartnerForm } from "@/components/directory/create-partner-form";
import { PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { linkExpiryField, MAX_LINK_DAYS } from "@/lib/contracts/schemas";
import { requirePartnersViewer } from "@/lib/session";
import { createRefusal } from "@/components/people/read-only";
import { createPartnerAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("CreatePartner");
  return { title: t("title") };
}

export default async function NewPartnerPage() {
  const viewer = await requirePartnersViewer("/partners/directory/new");
  const t = await getT("CreatePartner");
  const refusal = createRefusal(viewer, t, { href: "/partners/directory", label: t("backToDirectory") });
  if (refusal) return refusal;
  const agreements = await listWizardAgreements(await getDb(), viewer);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} back={{ href: "/partners/directory", label: t("directory") }} />
      <IntlIsland namespaces={["CreatePartner", "Wizard"]}>
        <CreatePartnerForm
          agreements={agreements}
          canDelegate={viewer.permissions.agreement.service.delegate}
          canProgram={viewer.permissions.agreement.program.create}
          {...linkExpiryField(new Date(), MAX_LINK_DAYS)}
          create={createPartnerAction}
        />
      </IntlIsland>
    </div>
  );
}
