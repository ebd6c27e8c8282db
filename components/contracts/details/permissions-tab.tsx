import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/layout";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ContractDetails, DetailsMode } from "@/lib/contracts/get-contract-details";
import type { Permissions } from "@/lib/permissions";
import { permissionLineKeys } from "../permission-words";
import { ChangePermissionsForm, WithdrawProposalButton } from "./permissions-change-lazy";
import type { DetailsActions } from "./types";

function PermissionLines({ permissions }: { permissions: Permissions }) {
  const t = useTranslations("ContractPermissions");
  const lines = permissionLineKeys(permissions);
  return lines.length ? (
    <ul className="list-disc space-y-1 pl-5 text-sm text-foreground">
      {lines.map((l) => (
        <li key={l}>{t(l)}</li>
      ))}
    </ul>
  ) : (
    <p className="text-sm text-foreground">{t("noneExplained")}</p>
  );
}

/** Current permissions, the proposed ones waiting for the partner, and (issuer, active) the form to change them. */
export function PermissionsTab({
  contract: c,
  mode = "issuer",
  change,
  withdraw,
  canDelegate = false,
  canProgram = false,
}: {
  contract: ContractDetails;
  mode?: DetailsMode;
  change?: DetailsActions["changePermissions"];
  withdraw?: DetailsActions["withdrawProposal"];
  canDelegate?: boolean;
  canProgram?: boolean;
}) {
  const t = useTranslations("ContractPermissions");
  const proposal = c.proposals.find((p) => p.kind === "permissions");
  return (
    <div className="space-y-4">
      <Card>
        <h2 className="mb-2 text-base font-semibold text-foreground">{t("heading")}</h2>
        <PermissionLines permissions={c.permissions} />
        <p className="mt-4 text-sm text-muted-foreground">{t(`when.${c.status}`)}</p>
      </Card>
      {proposal?.permissions ? (
        <Card>
          <h2 className="mb-2 text-base font-semibold text-foreground">{t("proposed")}</h2>
          <PermissionLines permissions={proposal.permissions} />
          <p className="mt-4 text-sm text-muted-foreground">
            {mode === "issuer" ? t("waitingPartner") : t("waitingYou")} {t("proposalExpires")} <RelativeTime date={proposal.expiresAt} />.
          </p>
          {withdraw ? <WithdrawProposalButton publicId={c.publicId} withdraw={withdraw} /> : null}
        </Card>
      ) : null}
      {change && c.status === "active" ? (
        <ChangePermissionsForm
          publicId={c.publicId}
          current={{ program: c.permissions.agreement.program.create, delegate: c.permissions.agreement.service.create }}
          change={change}
          canDelegate={canDelegate}
          canProgram={canProgram}
        />
      ) : null}
    </div>
  );
}
