import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/notice";
import { ContractDetailsView } from "@/components/contracts/details/contract-details-view";
import { SignNewVersion } from "@/components/reseller/sign-new-version";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { verifySubjectChain } from "@/lib/audit/event-chain";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { getVersionToSign } from "@/lib/reseller/get-version-to-sign";
import { requireViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { PendingProposals } from "@/components/reseller/pending-proposals";
import { acceptProposalAction, signVersionAction } from "../../actions";

type Props = {
  params: Promise<{ publicId: string }>;
  searchParams: Promise<{ tab?: string; view?: string; signed?: string; accepted?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getT("Reseller"))("contractTitle", { contract: (await params).publicId }) };
}

/** The reseller's read-only view of a contract it owns: no internal note, no link, no distributor actions. */
export default async function ResellerContractPage({ params, searchParams }: Props) {
  const [{ publicId }, query] = await Promise.all([params, searchParams]);
  const basePath = `/reseller/contracts/${encodeURIComponent(publicId)}`;
  const viewer = await requireViewer(basePath);
  const db = await getDb();
  const contract = await getContractDetails(db, viewer, publicId, "owner").catch((e) => {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  });
  const tab = query.tab ?? "general";
  const [t, locale] = await Promise.all([getT("Reseller"), getLocale()]);
  const [history, chain, toSign] = await Promise.all([
    tab === "history" ? listContractHistory(db, viewer, publicId, "owner") : [],
    tab === "history" ? verifySubjectChain(db, contract.id) : null,
    // A Read-only member sees the versions without Review and sign (the server refuses signing anyway).
    tab === "versions" && canChange(viewer) ? getVersionToSign(db, viewer, publicId, locale) : null,
  ]);
  const signed = tab === "versions" && /^\d{1,6}$/.test(query.signed ?? "") ? query.signed : null;
  return (
    <div>
      <BackLink href="/reseller">{t("yourContracts")}</BackLink>
      {signed ? (
        <Notice tone="success" className="mb-4">
          {t("signedNotice", { signed, version: contract.agreement.versionNumber })}
        </Notice>
      ) : null}
      {query.accepted === "permissions" ? (
        <Notice tone="success" className="mb-4">
          {t("acceptedPermissions")}
        </Notice>
      ) : null}
      {query.accepted === "promotion" ? (
        <Notice tone="success" className="mb-4">
          {t("acceptedPromotion")}
        </Notice>
      ) : null}
      <ContractDetailsView
        contract={contract}
        mode="owner"
        tab={tab}
        viewAgreement={query.view === "agreement"}
        basePath={`/reseller/contracts/${contract.publicId}`}
        history={history}
        chain={chain}
        signAction={
          toSign ? (
            <a href="#sign-version" className={buttonClass("primary")}>
              {t("reviewAndSign")}
            </a>
          ) : undefined
        }
      />
      <PendingProposals contract={contract} accept={acceptProposalAction} />
      {toSign ? <SignNewVersion contractPublicId={contract.publicId} toSign={toSign} sign={signVersionAction} /> : null}
    </div>
  );
}
