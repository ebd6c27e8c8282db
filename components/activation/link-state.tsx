import Link from "next/link";
import type { LinkState } from "@/lib/activation/resolve-activation-link";
import { DELETED_LINK_MESSAGE, INVALID_LINK_MESSAGE, WITHDRAWN_LINK_MESSAGE } from "@/lib/activation/link-refusal";
import { buttonClass } from "@/components/ui/button";
import { ActivationShell } from "./activation-shell";

type Closed = Exclude<LinkState["state"], "pending">;

const pages: Record<Closed, { title: string; body: string; signIn?: boolean }> = {
  invalid: { title: "This link is not valid", body: INVALID_LINK_MESSAGE },
  expired: { title: "This link has expired", body: "This activation link has expired. Ask your distributor for a new one." },
  activated: {
    title: "This contract is already active",
    body: "This contract has already been activated. Sign in to work in the Reseller Portal.",
    signIn: true,
  },
  rejected: {
    title: "This contract was rejected",
    body: "This contract was rejected, so it can no longer be activated. If that was a mistake, ask your distributor for a new one.",
  },
  withdrawn: { title: "This invitation can no longer be accepted", body: WITHDRAWN_LINK_MESSAGE },
  terminated: {
    title: "This contract was terminated",
    body: "This contract was terminated and can no longer be activated. Contact your distributor if you have questions.",
  },
  deleted: { title: "This contract was deleted", body: DELETED_LINK_MESSAGE },
};

/** One clear page per closed link state; it shows nothing about the contract or anyone else's. */
export function LinkStatePage({ state, reseller = false }: { state: Closed; reseller?: boolean }) {
  const page = pages[state];
  return (
    <ActivationShell brand="Service Contracts">
      <main id="content" tabIndex={-1} className="flex items-center justify-center px-4 py-16 outline-none" data-link-state={state}>
        <div className="w-full max-w-md rounded-lg border border-border bg-card p-8 shadow-sm">
          <p className="mb-2 text-sm font-medium text-muted-foreground">Contract activation</p>
          <h1 className="text-xl font-semibold text-foreground">{page.title}</h1>
          <p className="mt-3 text-sm text-foreground">
            {page.signIn && reseller ? "This contract has already been activated. It is in your Reseller Portal." : page.body}
          </p>
          {page.signIn && reseller ? (
            <Link href="/reseller" className={`${buttonClass("primary")} mt-6`}>
              Go to Reseller Portal
            </Link>
          ) : page.signIn ? (
            <Link href="/sign-in?callbackUrl=%2Freseller" className={`${buttonClass("primary")} mt-6`}>
              Sign in
            </Link>
          ) : null}
        </div>
      </main>
    </ActivationShell>
  );
}
