import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { ActivationPage } from "@/components/activation/activation-page";
import { OpenedBeacon } from "@/components/activation/opened-beacon";
import { LinkStatePage } from "@/components/activation/link-state";
import { progressFor, stepToShow } from "@/lib/activation/progress";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { readProgress } from "@/lib/activation/step-context";
import { resellerCompaniesOf } from "@/lib/activation/user-companies";
import { describePermissions } from "@/lib/permissions";
import { PASSWORD_RULE } from "@/lib/security/passwords";
import { getViewer } from "@/lib/session";
import { activateAction, rejectAction, signOutForActivationAction } from "../actions";
import { companyStepAction, reviewStepAction, userStepAction } from "../step-actions";

export const metadata: Metadata = { title: "Contract activation", robots: { index: false, follow: false } };

const actions = {
  review: reviewStepAction,
  user: userStepAction,
  company: companyStepAction,
  activate: activateAction,
  reject: rejectAction,
  signOut: signOutForActivationAction,
};

type Query = { step?: string | string[]; email?: string | string[] };

/** Public: the link is the credential. Reading it changes nothing; only the step forms write (a cookie, or Activate/Reject). */
export default async function ActivatePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams?: Promise<Query>;
}) {
  const { token } = await params;
  const query: Query = (await searchParams) ?? {};
  const db = await getDb();
  const link = await resolveActivationLink(db, token);
  const viewer = await getViewer();
  // A closed link's own page; proxy.ts gives it its 404 or 410 status (lib/activation/link-status.ts).
  if (link.state !== "pending")
    return <LinkStatePage state={link.state} reseller={viewer?.accounts.some((a) => a.role === "reseller") ?? false} />;
  const progress = progressFor(await readProgress(token), viewer?.userId ?? null);
  const companies = viewer
    ? viewer.accounts.filter((a) => a.role === "reseller").map((a) => ({ publicId: a.publicId, name: a.name }))
    : progress?.mode === "existing" && progress.userId
      ? await resellerCompaniesOf(db, progress.userId)
      : [];
  const step = query.step === "reject" ? "reject" : stepToShow(query.step, progress);
  return (
    <>
      <OpenedBeacon />
      <ActivationPage
        actions={actions}
        view={{
          token,
          review: link.review,
          step,
          progress,
          viewer: viewer ? { fullName: viewer.fullName, email: viewer.email } : null,
          companies,
          changeEmail: query.email === "change",
          permissionsText: describePermissions(link.review.permissions),
          passwordRule: PASSWORD_RULE,
        }}
      />
    </>
  );
}
