import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export type ClosedInvitation = "invalid" | "expired" | "accepted" | "revoked";

/** One page per closed invitation link (proxy.ts gives it 404 or 410); it shows nothing about the account. */
export function InvitationStatePage({ state }: { state: ClosedInvitation }) {
  const t = useTranslations("Users");
  return (
    <div className="w-full max-w-md rounded-lg border border-border bg-card p-8 shadow-sm" data-link-state={state}>
      <p className="mb-2 text-sm font-medium text-muted-foreground">{t("invitation")}</p>
      <h1 className="text-xl font-semibold text-foreground">{t(`closed.${state}.title`)}</h1>
      <p className="mt-3 text-sm text-foreground">{t(`closed.${state}.body`)}</p>
      {state === "accepted" ? (
        <Link href="/sign-in" className={`${buttonClass("primary")} mt-6`}>
          {t("signIn")}
        </Link>
      ) : null}
    </div>
  );
}
