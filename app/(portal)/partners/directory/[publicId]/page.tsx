import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnerContracts } from "@/components/directory/partner-contracts";
import { PartnerHistory } from "@/components/directory/partner-history";
import { Badge, PageHeader } from "@/components/ui/layout";
import { RelativeTime } from "@/components/ui/relative-time";
import { getDb } from "@/db/client";
import { getPartner, PARTNER_HISTORY_LIMIT, type PartnerDetails } from "@/lib/directory/get-partner";
import { isAppError } from "@/lib/errors";
import { requirePartnersViewer } from "@/lib/session";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Directory");
  return { title: t("partnerTitle") };
}

export default async function PartnerPage({ params }: { params: Promise<{ publicId: string }> }) {
  const { publicId } = await params;
  const viewer = await requirePartnersViewer(`/partners/directory/${encodeURIComponent(publicId)}`);
  let partner: PartnerDetails;
  try {
    partner = await getPartner(await getDb(), viewer, publicId);
  } catch (e) {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  }
  const t = await getT("Directory");
  const common = await getT("Common");
  return (
    <div className="space-y-8">
      <div>
        <PageHeader
          back={{ href: "/partners/directory", label: t("title") }}
          title={partner.name}
          actions={<Badge tone={partner.status}>{common(`status.${partner.status === "active" ? "active" : "terminated"}`)}</Badge>}
        />
        <dl className="-mt-3 flex flex-wrap gap-x-8 gap-y-1 text-sm text-muted-foreground">
          <div>
            <dt className="inline">{t("id")} </dt>
            <dd className="inline font-mono text-foreground">{partner.publicId}</dd>
          </div>
          <div>
            <dt className="inline">{t("type")} </dt>
            <dd className="inline text-foreground">{t("reseller")}</dd>
          </div>
          <div>
            <dt className="inline">{t("created")} </dt>
            <dd className="inline text-foreground">
              <RelativeTime date={partner.createdAt} />
            </dd>
          </div>
        </dl>
      </div>
      <section aria-labelledby="contracts-heading" className="space-y-3">
        <h2 id="contracts-heading" className="text-base font-semibold text-foreground">
          {t("contracts")}
        </h2>
        <PartnerContracts rows={partner.contracts} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold text-foreground">
          {t("history")}
        </h2>
        <PartnerHistory events={partner.history} />
        {partner.history.length >= PARTNER_HISTORY_LIMIT ? (
          <p className="text-xs text-muted-foreground">{t("historyLimit", { count: PARTNER_HISTORY_LIMIT })}</p>
        ) : null}
      </section>
    </div>
  );
}
