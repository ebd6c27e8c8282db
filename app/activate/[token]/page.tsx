import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { ActivationPage } from "@/components/activation/activation-page";
import { OpenedBeacon } from "@/components/activation/opened-beacon";
import { LinkStatePage } from "@/components/activation/link-state";
import { permissionKeys } from "@/components/activation/permission-words";
import { LanguageSwitcher } from "@/components/language-switcher";
import { getLocale, getT } from "@/lib/i18n/server";
import { progressFor, stepToShow } from "@/lib/activation/progress";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { readProgress } from "@/lib/activation/step-context";
import { resellerCompaniesOf } from "@/lib/activation/user-companies";
import { PASSWORD_MIN } from "@/lib/security/passwords";
import { getViewer } from "@/lib/session";
import { activateAction, rejectAction, signOutForActivationAction } from "../actions";
import { companyStepAction, reviewStepAction, userStepAction } from "../step-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("Activation");
  return { title: t("title"), robots: { index: false, follow: false } };
}

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
  // The agreement in the reader's language when the distributor gave one (issue 24), read with the link; Activate
  // signs this same text (lib/activation/activate-contract.ts records its language and sha256).
  const locale = await getLocale();
  const link = await resolveActivationLink(db, token, locale);
  const viewer = await getViewer();
  // The pages follow the browser's language; the switcher (a POST to /locale, so the token stays off any
  // URL but this page's own) sets the chosen one.
  const back = `/activate/${token}${typeof query.step === "string" && /^[a-z]+$/.test(query.step) ? `?step=${query.step}` : ""}`;
  const switcher = <LanguageSwitcher back={back} />;
  // A closed link's own page; proxy.ts gives it its 404 or 410 status (lib/activation/link-status.ts).
  if (link.state !== "pending")
    return <LinkStatePage state={link.state} reseller={viewer?.accounts.some((a) => a.role === "reseller") ?? false} switcher={switcher} />;
  const [t, tr] = await Promise.all([getT("Activation"), getT("PasswordReset")]);
  const { text, ...read } = link.review;
  const review = text && read.versionContentKind === "markdown" ? { ...read, versionContent: text.content } : read;
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
        switcher={switcher}
        view={{
          token,
          review,
          step,
          progress,
          viewer: viewer ? { fullName: viewer.fullName, email: viewer.email } : null,
          companies,
          changeEmail: query.email === "change",
          permissionsText: permissionKeys(link.review.permissions).map((k) => t(`permission.${k}`)),
          passwordRule: tr("passwordRule", { min: PASSWORD_MIN }),
        }}
      />
    </>
  );
}
