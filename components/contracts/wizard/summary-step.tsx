import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import type { ContractSummary } from "@/lib/contracts/contract-summary";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { permissionLineKey } from "../permission-words";
import { CopyField } from "./copy-field";

type Props = { summary: ContractSummary; signeeEmail?: string; signeeLocale: Locale };

export function SummaryStep({ summary, signeeEmail, signeeLocale }: Props) {
  const t = useTranslations("Wizard");
  const common = useTranslations("Common");
  const perms = useTranslations("ContractPermissions");
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-base font-semibold text-foreground">{t("summaryTitle")}</h2>
        <p className="text-sm text-muted-foreground">{t("summaryHint")}</p>
      </div>
      <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-muted-foreground">{t("contractId")}</dt>
        <dd className="font-mono text-foreground" data-testid="summary-contract-id">
          {summary.publicId}
        </dd>
        <dt className="font-medium text-muted-foreground">{t("agreement")}</dt>
        <dd className="text-foreground">
          {summary.agreementName} <span className="font-mono text-muted-foreground">{summary.agreementPublicId}</span>,{" "}
          {t("version", { number: summary.versionNumber })}
        </dd>
        <dt className="font-medium text-muted-foreground">{t("kind")}</dt>
        <dd className="text-foreground">{common(`kind.${summary.kind}`)}</dd>
        <dt className="font-medium text-muted-foreground">{t("signeeLocale")}</dt>
        <dd className="text-foreground" data-testid="summary-signee-locale">
          {LOCALE_NAMES[signeeLocale]}
        </dd>
        <dt className="font-medium text-muted-foreground">{t("permissions")}</dt>
        <dd className="text-foreground">
          {summary.permissions.length ? (
            <ul className="list-disc pl-5">
              {summary.permissions.map((p) => (
                <li key={p}>{perms(permissionLineKey(p))}</li>
              ))}
            </ul>
          ) : (
            perms("none")
          )}
        </dd>
      </dl>
      <CopyField id="activation-link" label={t("activationLink")} value={summary.activationLink} />
      {signeeEmail ? <p className="text-sm text-muted-foreground">{t("emailing", { email: signeeEmail })}</p> : null}
      <div className="flex gap-3">
        <ButtonLink href={`/partners/contracts/${summary.publicId}`}>{t("goToDetails")}</ButtonLink>
        <ButtonLink href="/partners/contracts" variant="secondary">
          {t("close")}
        </ButtonLink>
      </div>
    </div>
  );
}
