import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivationFlow } from "@/components/activation/activation-flow";
import { ContractReview } from "@/components/activation/contract-review";
import { resolveLinkOnce } from "@/lib/activation/current-link";
import { describePermissions } from "@/lib/permissions";
import { PASSWORD_RULE } from "@/lib/security/passwords";
import { getViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Contract activation", robots: { index: false, follow: false } };

/** Public: the link is the credential. Reading it changes nothing; only Activate and Reject write. */
export default async function ActivatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveLinkOnce(token);
  // Every closed state answers 404 with its own page (not-found.tsx beside this file).
  if (link.state !== "pending") notFound();
  const { review } = link;
  const viewer = await getViewer();
  return (
    <ActivationFlow
      // Signing out (or in) starts the steps afresh for the new visitor.
      key={viewer?.userPublicId ?? "anonymous"}
      contract={<ContractReview review={review} />}
      facts={{
        token,
        contractPublicId: review.contractPublicId,
        distributorName: review.distributorName,
        agreementName: review.agreementName,
        versionNumber: review.versionNumber,
        permissionsText: describePermissions(review.permissions),
        invitedCompanyName: review.invitedCompanyName ?? "",
        passwordRule: PASSWORD_RULE,
        viewer: viewer
          ? {
              fullName: viewer.fullName,
              email: viewer.email,
              companies: viewer.accounts.filter((a) => a.role === "reseller").map((a) => ({ publicId: a.publicId, name: a.name })),
            }
          : null,
      }}
    />
  );
}
