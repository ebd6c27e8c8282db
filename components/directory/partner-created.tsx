import { useTranslations } from "next-intl";
import { CopyField } from "@/components/contracts/wizard/copy-field";
import { ButtonLink } from "@/components/ui/button";
import type { CreatedPartner } from "@/lib/directory/create-partner";

export function PartnerCreated({ created }: { created: CreatedPartner }) {
  const t = useTranslations("CreatePartner");
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-base font-semibold text-foreground">{t("invitedTitle")}</h2>
        <p className="text-sm text-muted-foreground">{t("invitedText", { email: created.contactEmail })}</p>
      </div>
      <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-muted-foreground">{t("companyName")}</dt>
        <dd className="text-foreground">{created.companyName}</dd>
        <dt className="font-medium text-muted-foreground">{t("contractId")}</dt>
        <dd className="font-mono text-foreground" data-testid="created-contract-id">
          {created.contractPublicId}
        </dd>
        <dt className="font-medium text-muted-foreground">{t("agreement")}</dt>
        <dd className="text-foreground">
          {created.agreementName} <span className="font-mono text-muted-foreground">{created.agreementPublicId}</span>,{" "}
          {t("version", { number: created.versionNumber })}
        </dd>
      </dl>
      <CopyField id="activation-link" label={t("activationLink")} value={created.activationLink} />
      <div className="flex gap-3">
        <ButtonLink href={`/partners/contracts/${created.contractPublicId}`}>{t("goToDetails")}</ButtonLink>
        <ButtonLink href="/partners/directory" variant="secondary">
          {t("goToDirectory")}
        </ButtonLink>
      </div>
    </div>
  );
}
