import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { canChange } from "@/lib/accounts/roles";
import type { Viewer } from "@/lib/accounts/viewer";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/layout";
import { Notice } from "@/components/ui/notice";

/** In place of a create form for a Read-only member (the server refuses the action anyway). */
export function ReadOnlyRefusal({ title, back }: { title: string; back: { href: string; label: string } }) {
  const t = useTranslations("Common");
  return (
    <EmptyState
      title={t("notAvailable", { title })}
      action={
        <ButtonLink href={back.href} variant="secondary">
          {back.label}
        </ButtonLink>
      }
    >
      {t("readOnly")}
    </EmptyState>
  );
}

/** Above the Partners module and the Reseller Portal for a Read-only member: why there are no change buttons. */
export function ReadOnlyNotice() {
  const t = useTranslations("Common");
  return <Notice tone="info">{t("readOnly")}</Notice>;
}

/**
 * Why a create form is not shown, in its place (Create Contract, Invite in bulk, Create Partner): a Read-only
 * member, or an account that may not create service contracts. Null when the form may be shown; the
 * server's actions refuse both anyway. `t` is the page's namespace, with its title, notAvailable and
 * mayNotCreate messages.
 */
export function createRefusal(viewer: Viewer, t: (key: string) => string, back: { href: string; label: string }): ReactNode {
  if (!canChange(viewer)) return <ReadOnlyRefusal title={t("title")} back={back} />;
  if (viewer.permissions.agreement.service.create) return null;
  return (
    <EmptyState
      title={t("notAvailable")}
      action={
        <ButtonLink href={back.href} variant="secondary">
          {back.label}
        </ButtonLink>
      }
    >
      {t("mayNotCreate")}
    </EmptyState>
  );
}
