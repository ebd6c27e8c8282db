import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";

/** A portal page for an ID that does not exist or is another account's: inside the portal's shell, so the way on stays in view. */
export default async function PortalNotFound() {
  const t = await getT("NotFound");
  return (
    <div className="py-8">
      <EmptyState level={1} title={t("title")} action={<ButtonLink href="/">{t("goToPortal")}</ButtonLink>}>
        {t("portalBody")}
      </EmptyState>
    </div>
  );
}
