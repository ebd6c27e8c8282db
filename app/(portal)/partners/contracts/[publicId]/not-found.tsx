import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/layout";

/** The same page for a contract that never existed, was deleted, or belongs to another account. */
export default function ContractNotFound() {
  const t = useTranslations("ContractDetails");
  return (
    <EmptyState level={1} title={t("notFound")} action={<ButtonLink href="/partners/contracts">{t("backToContracts")}</ButtonLink>}>
      {t("notFoundText")}
    </EmptyState>
  );
}
