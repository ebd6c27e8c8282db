import { useTranslations } from "next-intl";
import { IntlIsland } from "@/components/intl-island";
import { TabNav } from "@/components/ui/layout";
import type { Locale } from "@/lib/i18n/locales";
import type { FollowUpInfo } from "@/lib/follow-up/get-follow-up";
import type { ContractDetails, DetailsMode } from "@/lib/contracts/get-contract-details";
import type { ChainReport } from "@/lib/audit/event-chain";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import { DETAILS_CLIENT_WORDS } from "./client-words";
import { ContractHeader } from "./contract-header";
import { GeneralTab } from "./general-tab";
import { HistoryTab } from "./history-tab";
import { IssuerActions } from "./issuer-actions";
import { PermissionsTab } from "./permissions-tab";
import type { DetailsActions } from "./types";
import { VersionsTab } from "./versions-tab";

export const detailTabs = ["general", "permissions", "versions", "history"] as const;

/**
 * The Service contract details screen. "issuer" mode is the distributor's (link, internal note,
 * actions); "owner" mode is the reseller portal's read-only view, which may add its own Sign button.
 */
export function ContractDetailsView({
  contract,
  mode,
  tab,
  viewAgreement,
  basePath,
  history,
  chain = null,
  actions,
  signAction,
  canDelegate = false,
  canProgram = false,
  followUp,
  signeeLocale,
}: {
  /** Issue 24: the language of the signee's emails (the issuer's General tab). */
  signeeLocale?: Locale;
  followUp?: FollowUpInfo | null;
  contract: ContractDetails;
  mode: DetailsMode;
  tab: string;
  viewAgreement: boolean;
  basePath: string;
  history: HistoryEntry[];
  /** The History tab's check of the contract's hash chain (null on other tabs). */
  chain?: ChainReport | null;
  actions?: DetailsActions;
  signAction?: React.ReactNode;
  /** Issue 21: the boxes the issuer may grant (its own permissions), for the Permissions section's form. */
  canDelegate?: boolean;
  canProgram?: boolean;
}) {
  const current = (detailTabs as readonly string[]).includes(tab) ? tab : "general";
  const t = useTranslations("ContractDetails");
  return (
    <IntlIsland namespaces={["ContractDetails", "ContractPermissions"]} only={DETAILS_CLIENT_WORDS}>
      <ContractHeader
        contract={contract}
        mode={mode}
        actions={
          mode === "issuer" && actions ? (
            <IssuerActions
              publicId={contract.publicId}
              status={contract.status}
              signeeEmail={contract.signeeEmail}
              linkExpiresAt={contract.linkExpiresAt}
              actions={actions}
              endsAt={contract.endsAt}
              promotable={contract.kind === "test"}
              promotionPending={contract.proposals.some((p) => p.kind === "promotion")}
            />
          ) : null
        }
      />
      <TabNav
        label={t("tabsLabel")}
        current={current}
        tabs={detailTabs.map((key) => ({ key, label: t(`tab.${key}`), href: `${basePath}?tab=${key}` }))}
      />
      {current === "general" ? (
        <GeneralTab
          contract={contract}
          mode={mode}
          viewAgreement={viewAgreement}
          basePath={basePath}
          onEditNote={mode === "issuer" ? actions?.editNote : undefined}
          followUp={followUp}
          signeeLocale={signeeLocale}
        />
      ) : null}
      {current === "permissions" ? (
        <PermissionsTab
          contract={contract}
          mode={mode}
          change={mode === "issuer" ? actions?.changePermissions : undefined}
          withdraw={mode === "issuer" ? actions?.withdrawProposal : undefined}
          canDelegate={canDelegate}
          canProgram={canProgram}
        />
      ) : null}
      {current === "versions" ? <VersionsTab contract={contract} basePath={basePath} signAction={signAction} /> : null}
      {current === "history" ? <HistoryTab entries={history} chain={chain} /> : null}
    </IntlIsland>
  );
}
