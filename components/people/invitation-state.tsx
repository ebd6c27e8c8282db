import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export type ClosedInvitation = "invalid" | "expired" | "accepted" | "revoked";

const pages: Record<ClosedInvitation, { title: string; body: string; signIn?: boolean }> = {
  invalid: {
    title: "This link is not valid",
    body: "This invitation link is not valid. It may have been replaced by a newer one: use the link in the most recent email, or ask for a new invitation.",
  },
  expired: { title: "This invitation has expired", body: "This invitation has expired. Ask the person who invited you to send it again." },
  accepted: {
    title: "This invitation was already accepted",
    body: "This invitation has already been used. Sign in to work in the account.",
    signIn: true,
  },
  revoked: { title: "This invitation was revoked", body: "This invitation was withdrawn by the account and can no longer be accepted." },
};

/** One page per closed invitation link (proxy.ts gives it 404 or 410); it shows nothing about the account. */
export function InvitationStatePage({ state }: { state: ClosedInvitation }) {
  const page = pages[state];
  return (
    <div className="w-full max-w-md rounded-lg border border-border bg-card p-8 shadow-sm" data-link-state={state}>
      <p className="mb-2 text-sm font-medium text-muted-foreground">Invitation</p>
      <h1 className="text-xl font-semibold text-foreground">{page.title}</h1>
      <p className="mt-3 text-sm text-foreground">{page.body}</p>
      {page.signIn ? (
        <Link href="/sign-in" className={`${buttonClass("primary")} mt-6`}>
          Sign in
        </Link>
      ) : null}
    </div>
  );
}
