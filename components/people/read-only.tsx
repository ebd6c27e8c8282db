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
 * server's actions refuse both anyway.
 */
export function createRefusal(
  viewer: Viewer,
  page: { title: string; back: { href: string; label: string }; notAvailable: string; mayNotCreate: string },
): ReactNode {
  if (!canChange(viewer)) return <ReadOnlyRefusal title={page.title} back={page.back} />;
  if (viewer.permissions.agreement.service.create) return null;
  return (
    <EmptyState
      title={page.notAvailable}
      action={
        <ButtonLink href={page.back.href} variant="secondary">
          {page.back.label}
        </ButtonLink>
      }
    >
      {page.mayNotCreate}
    </EmptyState>
  );
}
