import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";
import type { LinkState } from "@/lib/activation/resolve-activation-link";
import { buttonClass } from "@/components/ui/button";
import { ActivationShell } from "./activation-shell";

type Closed = Exclude<LinkState["state"], "pending">;

/**
 * One clear page per closed link state, in the reader's language (messages/<locale>/public.json
 * "Activation.linkState"); it shows nothing about the contract or anyone else's.
 */
export function LinkStatePage({ state, reseller = false, switcher }: { state: Closed; reseller?: boolean; switcher?: ReactNode }) {
  const t = useTranslations("Activation");
  const tc = useTranslations("Common");
  const signIn = state === "activated";
  return (
    <ActivationShell brand={tc("appName")} switcher={switcher}>
      <main id="content" tabIndex={-1} className="flex items-center justify-center px-4 py-16 outline-none" data-link-state={state}>
        <div className="w-full max-w-md rounded-lg border border-border bg-card p-8 shadow-sm">
          <p className="mb-2 text-sm font-medium text-muted-foreground">{t("title")}</p>
          <h1 className="text-xl font-semibold text-foreground">{t(`linkState.${state}.title`)}</h1>
          <p className="mt-3 text-sm text-foreground">{signIn && reseller ? t("activatedInPortal") : t(`linkState.${state}.body`)}</p>
          {signIn && reseller ? (
            <Link href="/reseller" className={`${buttonClass("primary")} mt-6`}>
              {t("goToPortal")}
            </Link>
          ) : signIn ? (
            <Link href="/sign-in?callbackUrl=%2Freseller" className={`${buttonClass("primary")} mt-6`}>
              {t("signIn")}
            </Link>
          ) : null}
        </div>
      </main>
    </ActivationShell>
  );
}
