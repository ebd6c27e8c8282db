import type { Metadata } from "next";
import { ActivationShell } from "@/components/activation/activation-shell";
import { LanguageSwitcher } from "@/components/language-switcher";
import { IntlIsland } from "@/components/intl-island";
import { InvitationStatePage } from "@/components/people/invitation-state";
import { JoinInvitation, type JoinView } from "@/components/people/join-page";
import { getDb } from "@/db/client";
import { resolveInvitation } from "@/lib/people/resolve-invitation";
import { formatDate } from "@/lib/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { PASSWORD_MIN } from "@/lib/security/passwords";
import { getViewer } from "@/lib/session";
import { joinAsViewerAction, joinNewUserAction, signOutForJoinAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Join"))("title"), robots: { index: false, follow: false } };
}

const actions = { joinNewUser: joinNewUserAction, joinAsViewer: joinAsViewerAction, signOut: signOutForJoinAction };

/** Public: the link is the credential. Opening it changes nothing (scanner-safe); only the page's POSTs act. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await resolveInvitation(await getDb(), token);
  const viewer = found.state === "pending" ? await getViewer() : null;
  const [locale, tr, tc] = await Promise.all([getLocale(), getT("PasswordReset"), getT("Common")]);
  let body: React.ReactNode;
  if (found.state !== "pending") body = <InvitationStatePage state={found.state} />;
  else {
    const i = found.invitation;
    const mode: JoinView["mode"] = viewer
      ? viewer.email.toLowerCase() === i.email.toLowerCase()
        ? "join"
        : "other-user"
      : i.existingUserId
        ? "sign-in"
        : "new";
    // Called, not rendered: the page's markup stays free of async components (tests render it as it is).
    body = await IntlIsland({
      namespaces: ["Join"],
      children: (
        <JoinInvitation
          actions={actions}
          view={{
            token,
            accountName: i.accountName,
            accountPublicId: i.accountPublicId,
            accountRole: i.accountRole === "distributor" ? "distributor" : "reseller",
            roleLabel: tc(`memberRole.${i.role}`),
            inviterName: i.inviterName,
            email: i.email,
            expiresOn: formatDate(i.expiresAt, locale),
            passwordRule: tr("passwordRule", { min: PASSWORD_MIN }),
            mode,
            viewerEmail: viewer?.email ?? null,
          }}
        />
      ),
    });
  }
  return (
    // The token goes only to our own /locale (a POST), and back to this page.
    <ActivationShell brand={tc("appName")} switcher={<LanguageSwitcher back={`/join/${encodeURIComponent(token)}`} />}>
      <main id="content" tabIndex={-1} className="flex items-center justify-center px-4 py-16 outline-none">
        {body}
      </main>
    </ActivationShell>
  );
}
