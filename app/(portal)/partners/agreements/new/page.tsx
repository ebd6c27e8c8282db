import type { Metadata } from "next";
import { IntlIsland } from "@/components/intl-island";
import { getT } from "@/lib/i18n/server";
import { CreateAgreementForm } from "@/components/agreements/create-agreement-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { agreementTypes } from "@/lib/agreements/schemas";
import { mayManage } from "@/lib/agreements/access";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { ReadOnlyRefusal } from "@/components/people/read-only";
import { createAgreementAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Agreements");
  return { title: t("create") };
}

export default async function NewAgreementPage() {
  const viewer = await requirePartnersViewer("/partners/agreements/new");
  const t = await getT("Agreements");
  if (!canChange(viewer))
    return <ReadOnlyRefusal title={t("create")} back={{ href: "/partners/agreements", label: t("backToAgreements") }} />;
  // Only the types this account may create are offered; the server refuses the others anyway.
  const types = agreementTypes.filter((t) => mayManage(viewer, t));
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("create")} back={{ href: "/partners/agreements", label: t("title") }} />
      <Card>
        <IntlIsland namespaces={["AgreementEditor"]}>
          <CreateAgreementForm types={types} create={createAgreementAction} />
        </IntlIsland>
      </Card>
    </div>
  );
}
