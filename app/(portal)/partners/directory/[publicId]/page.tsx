import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PartnerContracts } from "@/components/directory/partner-contracts";
import { PartnerHistory } from "@/components/directory/partner-history";
import { Badge } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { getPartner, PARTNER_HISTORY_LIMIT, type PartnerDetails } from "@/lib/directory/get-partner";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
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
        <Link href="/partners/directory" className="text-sm text-link hover:underline">
          ← Directory
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold text-foreground">{partner.name}</h2>
          <Badge tone={partner.status}>{partner.status === "active" ? "Active" : "Terminated"}</Badge>
        </div>
        <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-1 text-sm text-muted-foreground">
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
            <dd className="inline text-foreground">{formatDateTime(partner.createdAt)}</dd>
          </div>
        </dl>
      </div>
      <section className="space-y-3">
        <h3 className="text-base font-semibold text-foreground">Contracts</h3>
        <PartnerContracts rows={partner.contracts} />
      </section>
      <section className="space-y-3">
        <h3 className="text-base font-semibold text-foreground">History</h3>
        <PartnerHistory events={partner.history} />
        {partner.history.length >= PARTNER_HISTORY_LIMIT ? (
          <p className="text-xs text-muted-foreground">Showing the latest {PARTNER_HISTORY_LIMIT} events; each contract&apos;s History tab has all of its events.</p>
        ) : null}
      </section>
    </div>
  );
}
