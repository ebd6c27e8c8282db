import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/layout";
import { RelativeTime } from "@/components/ui/relative-time";
import type { FormAction } from "@/lib/action-result";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import { describePermissions, type Permissions } from "@/lib/permissions";
import { AcceptProposalForm } from "./proposal-review";

function Lines({ p }: { p: Permissions }) {
  const t = useTranslations("Reseller");
  const lines = describePermissions(p);
  return lines.length ? (
    <ul className="list-disc space-y-1 pl-5 text-sm text-foreground">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  ) : (
    <p className="text-sm text-foreground">{t("noCreationPermission")}</p>
  );
}

/** Issue 21: what the distributor proposes on this contract, to review and accept (Reseller Portal). */
export function PendingProposals({ contract: c, accept }: { contract: ContractDetails; accept: FormAction }) {
  const t = useTranslations("Reseller");
  if (c.status !== "active" || c.proposals.length === 0) return null;
  return (
    <div className="mt-6 space-y-4" id="proposals">
      {c.proposals.map((p) =>
        p.kind === "permissions" && p.permissions ? (
          <Card key={p.id} className="space-y-4">
            <h2 className="text-lg font-semibold text-foreground">{t("reviewPermissions")}</h2>
            <p className="text-sm text-muted-foreground">
              {t.rich("permissionsIntro", { issuer: c.issuer.name, expires: () => <RelativeTime date={p.expiresAt} /> })}
            </p>
            <div className="grid gap-4 lg:grid-cols-2">
              <section aria-label={t("currentPermissions")} className="min-w-0 rounded-md border border-border p-4">
                <h3 className="mb-2 text-sm font-semibold text-foreground">{t("now")}</h3>
                <Lines p={c.permissions} />
              </section>
              <section aria-label={t("proposedPermissions")} className="min-w-0 rounded-md border border-border p-4">
                <h3 className="mb-2 text-sm font-semibold text-foreground">{t("proposed")}</h3>
                <Lines p={p.permissions} />
              </section>
            </div>
            <AcceptProposalForm
              contractPublicId={c.publicId}
              proposalId={p.id}
              label={t("acceptPermissions")}
              statement={t("acceptPermissionsStatement")}
              accept={accept}
            />
          </Card>
        ) : p.kind === "promotion" ? (
          <Card key={p.id} className="space-y-4">
            <h2 className="text-lg font-semibold text-foreground">{t("reviewPromotion")}</h2>
            <p className="text-sm text-foreground">
              {c.activeVersionNumber
                ? t("promotionIntroVersion", { issuer: c.issuer.name, agreement: c.agreement.name, version: c.activeVersionNumber })
                : t("promotionIntro", { issuer: c.issuer.name, agreement: c.agreement.name })}
            </p>
            <p className="text-sm text-muted-foreground">
              {t.rich("promotionRead", { expires: () => <RelativeTime date={p.expiresAt} /> })}
            </p>
            <AcceptProposalForm
              contractPublicId={c.publicId}
              proposalId={p.id}
              label={t("acceptAndSign")}
              statement={t("acceptPromotionStatement")}
              accept={accept}
            />
          </Card>
        ) : null,
      )}
    </div>
  );
}
