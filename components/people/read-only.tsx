import { useTranslations } from "next-intl";
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
