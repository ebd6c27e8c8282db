import type { Metadata } from "next";
import { IntlIsland } from "@/components/intl-island";
import { getT } from "@/lib/i18n/server";
import { BulkInvite } from "@/components/contracts/bulk/bulk-invite";
import { PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { BULK_MAX_ROWS } from "@/lib/bulk/schemas";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { defaultExpiryDate, MAX_LINK_DAYS } from "@/lib/contracts/schemas";
import { requirePartnersViewer } from "@/lib/session";
import { createRefusal } from "@/components/people/read-only";
import { previewBulkInviteAction, runBulkInviteBatchAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("BulkInvite");
  return { title: t("title") };
}

export default async function BulkInvitePage() {
  const viewer = await requirePartnersViewer("/partners/contracts/bulk");
  const t = await getT("BulkInvite");
  const refusal = createRefusal(viewer, {
    title: t("title"),
    back: { href: "/partners/contracts", label: t("backToContracts") },
    notAvailable: t("notAvailable"),
    mayNotCreate: t("mayNotCreate"),
  });
  if (refusal) return refusal;
  const agreements = await listWizardAgreements(await getDb(), viewer);
  const now = new Date();
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("title")}
        description={t("description", { max: BULK_MAX_ROWS })}
        back={{ href: "/partners/contracts", label: t("contracts") }}
      />
      <IntlIsland namespaces={["BulkInvite"]}>
        <BulkInvite
          agreements={agreements}
          defaultExpiry={defaultExpiryDate(now)}
          minDate={now.toISOString().slice(0, 10)}
          maxDate={new Date(now.getTime() + MAX_LINK_DAYS * 86_400_000).toISOString().slice(0, 10)}
          actions={{ preview: previewBulkInviteAction, run: runBulkInviteBatchAction }}
        />
      </IntlIsland>
    </div>
  );
}
