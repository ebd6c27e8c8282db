import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FunnelView } from "@/components/contracts/funnel/funnel-view";
import { PageHeader } from "@/components/ui/layout";
import { getDb } from "@/db/client";
import { getFunnel } from "@/lib/follow-up/funnel";
import { requirePartnersViewer } from "@/lib/session";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Funnel");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ period?: string | string[] }> };

/** Contracts → Funnel: where the invitations of a period stand. */
export default async function FunnelPage({ searchParams }: Props) {
  const viewer = await requirePartnersViewer("/partners/contracts/funnel");
  if (!viewer.permissions.agreement.service.create) notFound();
  const { period } = await searchParams;
  const funnel = await getFunnel(await getDb(), viewer, { period: typeof period === "string" ? period : undefined });
  const t = await getT("Funnel");
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} back={{ href: "/partners/contracts", label: t("contracts") }} />
      <FunnelView funnel={funnel} />
    </div>
  );
}
