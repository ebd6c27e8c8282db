import type { Metadata } from "next";
import { ActivationShell } from "@/components/activation/activation-shell";
import { InvitationStatePage } from "@/components/people/invitation-state";
import { JoinInvitation, type JoinView } from "@/components/people/join-page";
import { getDb } from "@/db/client";
import { memberRoleLabels } from "@/lib/accounts/roles";
import { resolveInvitation } from "@/lib/people/resolve-invitation";
import { PASSWORD_RULE } from "@/lib/security/passwords";
import { getViewer } from "@/lib/session";
import { joinAsViewerAction, joinNewUserAction, signOutForJoinAction } from "../actions";

export const metadata: Metadata = { title: "Invitation", robots: { index: false, follow: false } };

const actions = { joinNewUser: joinNewUserAction, joinAsViewer: joinAsViewerAction, signOut: signOutForJoinAction };
const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** Public: the link is the credential. Opening it changes nothing (scanner-safe); only the page's POSTs act. */
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await resolveInvitation(await getDb(), token);
  const viewer = found.state === "pending" ? await getViewer() : null;
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
    body = (
      <JoinInvitation
        actions={actions}
        view={{
          token,
          accountName: i.accountName,
          accountPublicId: i.accountPublicId,
          accountKind: i.accountRole === "distributor" ? "a distributor" : "a reseller",
          roleLabel: memberRoleLabels[i.role],
          inviterName: i.inviterName,
          email: i.email,
          expiresOn: dateFmt.format(i.expiresAt),
          passwordRule: PASSWORD_RULE,
          mode,
          viewerEmail: viewer?.email ?? null,
        }}
      />
    );
  }
  return (
    <ActivationShell brand="Service Contracts">
      <main id="content" tabIndex={-1} className="flex items-center justify-center px-4 py-16 outline-none">
        {body}
      </main>
    </ActivationShell>
  );
}
