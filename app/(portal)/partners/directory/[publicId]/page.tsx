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

export const metadata: Metadata = { title: "Partner" };

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
  return (
    <div className="space-y-8">
      <div>
        <PageHeader
          back={{ href: "/partners/directory", label: "Directory" }}
          title={partner.name}
          actions={<Badge tone={partner.status}>{partner.status === "active" ? "Active" : "Terminated"}</Badge>}
        />
        <dl className="-mt-3 flex flex-wrap gap-x-8 gap-y-1 text-sm text-muted-foreground">
          <div>
            <dt className="inline">ID </dt>
            <dd className="inline font-mono text-foreground">{partner.publicId}</dd>
          </div>
          <div>
            <dt className="inline">Type </dt>
            <dd className="inline text-foreground">Reseller</dd>
          </div>
          <div>
            <dt className="inline">Created </dt>
            <dd className="inline text-foreground">
              <RelativeTime date={partner.createdAt} />
            </dd>
          </div>
        </dl>
      </div>
      <section aria-labelledby="contracts-heading" className="space-y-3">
        <h2 id="contracts-heading" className="text-base font-semibold text-foreground">
          Contracts
        </h2>
        <PartnerContracts rows={partner.contracts} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-base font-semibold text-foreground">
          History
        </h2>
        <PartnerHistory events={partner.history} />
        {partner.history.length >= PARTNER_HISTORY_LIMIT ? (
          <p className="text-xs text-muted-foreground">
            Showing the latest {PARTNER_HISTORY_LIMIT} events; each contract&apos;s History tab has all of its events.
          </p>
        ) : null}
      </section>
    </div>
  );
}
