import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { canChange } from "@/lib/accounts/roles";
import type { Viewer } from "@/lib/accounts/viewer";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/layout";
import { Notice } from "@/components/ui/notice";

type Back = { href: string; label: string };

/** A page that is not available to the viewer: why, and the way back. */
function Refusal({ title, back, children }: { title: string; back: Back; children: ReactNode }) {
  return (
    <EmptyState
      title={title}
      action={
        <ButtonLink href={back.href} variant="secondary">
          {back.label}
        </ButtonLink>
      }
    >
      {children}
    </EmptyState>
  );
}

/** In place of a create form for a Read-only member (the server refuses the action anyway). */
export function ReadOnlyRefusal({ title, back }: { title: string; back: Back }) {
  const t = useTranslations("Common");
  return (
    <Refusal title={t("notAvailable", { title })} back={back}>
      {t("readOnly")}
    </Refusal>
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
export function createRefusal(viewer: Viewer, t: (key: string) => string, back: Back): ReactNode {
  if (!canChange(viewer)) return <ReadOnlyRefusal title={t("title")} back={back} />;
  if (viewer.permissions.agreement.service.create) return null;
  return (
    <Refusal title={t("notAvailable")} back={back}>
      {t("mayNotCreate")}
    </Refusal>
  );
}
