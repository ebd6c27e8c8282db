import type { Metadata } from "next";
import { IntlIsland } from "@/components/intl-island";
import { getT } from "@/lib/i18n/server";
import { BulkInvite } from "@/components/contracts/bulk/bulk-invite";
import { PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { BULK_MAX_ROWS } from "@/lib/bulk/schemas";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { linkExpiryField, MAX_LINK_DAYS } from "@/lib/contracts/schemas";
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
  const refusal = createRefusal(viewer, t, { href: "/partners/contracts", label: t("backToContracts") });
  if (refusal) return refusal;
  const agreements = await listWizardAgreements(await getDb(), viewer);
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
          {...linkExpiryField(new Date(), MAX_LINK_DAYS)}
          actions={{ preview: previewBulkInviteAction, run: runBulkInviteBatchAction }}
        />
      </IntlIsland>
    </div>
  );
}
