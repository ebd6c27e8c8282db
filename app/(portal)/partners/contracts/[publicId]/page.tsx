import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/back-link";
import { ContractDetailsView } from "@/components/contracts/details/contract-details-view";
import { getDb } from "@/db/client";
import { issuerContractDetails, issuerFollowUp } from "@/lib/page-data";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { verifySubjectChain } from "@/lib/audit/event-chain";
import { isAppError } from "@/lib/errors";
import { canChange } from "@/lib/accounts/roles";
import { requirePartnersViewer } from "@/lib/session";
import { getT } from "@/lib/i18n/server";
import {
  changePermissionsAction,
  deleteContractAction,
  editNoteAction,
  emailLinkAction,
  extendContractAction,
  extendExpiryAction,
  promoteContractAction,
  regenerateLinkAction,
  terminateContractAction,
  withdrawProposalAction,
} from "./actions";

type Props = { params: Promise<{ publicId: string }>; searchParams: Promise<{ tab?: string; view?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT("ContractDetails");
  return { title: t("pageTitle", { id: (await params).publicId }) };
}

const actions = {
  editNote: editNoteAction,
  regenerateLink: regenerateLinkAction,
  emailLink: emailLinkAction,
  deleteContract: deleteContractAction,
  terminateContract: terminateContractAction,
  extendContract: extendContractAction,
  changePermissions: changePermissionsAction,
  withdrawProposal: withdrawProposalAction,
  promoteContract: promoteContractAction,
  extendExpiry: extendExpiryAction,
};

export default async function ContractDetailsPage({ params, searchParams }: Props) {
  const [{ publicId }, query] = await Promise.all([params, searchParams]);
  const viewer = await requirePartnersViewer(`/partners/contracts/${encodeURIComponent(publicId)}`);
  const db = await getDb();
  const contract = await issuerContractDetails(viewer, publicId).catch((e) => {
    if (isAppError(e, "not_found")) notFound();
    throw e;
  });
  const tab = query.tab ?? "general";
  const [history, chain] =
    tab === "history"
      ? await Promise.all([listContractHistory(db, viewer, publicId, "issuer"), verifySubjectChain(db, contract.id)])
      : [[], null];
  const followUp = tab === "general" ? await issuerFollowUp(viewer, publicId) : null;
  const t = await getT("ContractDetails");
  return (
    <div>
      <BackLink href="/partners/contracts">{t("allContracts")}</BackLink>
      <ContractDetailsView
        contract={contract}
        mode="issuer"
        tab={tab}
        viewAgreement={query.view === "agreement"}
        basePath={`/partners/contracts/${contract.publicId}`}
        history={history}
        chain={chain}
        // A Read-only member sees the contract without its actions (the server refuses them anyway).
        actions={canChange(viewer) ? actions : undefined}
        canDelegate={viewer.permissions.agreement.service.delegate}
        canProgram={viewer.permissions.agreement.program.create}
        followUp={followUp}
        signeeLocale={contract.signeeLocale}
      />
    </div>
  );
}
