import { FileDown, FileJson } from "lucide-react";
import { useTranslations } from "next-intl";

import { EmptyState } from "@/components/ui/layout";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";

type Signed = ContractDetails["signedVersions"][number];

const columns = (basePath: string, t: (key: string, values?: Record<string, string | number>) => string): Column<Signed>[] => [
  { label: t("colVersion"), primary: true, cell: (v) => <span className="font-medium">{t("version", { number: v.number })}</span> },
  { label: t("signee"), cell: (v) => v.signeeName },
  { label: t("signed"), cell: (v) => <RelativeTime date={v.signedAt} /> },
  { label: t("contentHash"), cell: (v) => <span className="break-all font-mono text-xs">{v.sha256}</span> },
  {
    label: t("certificate"),
    cell: (v) => {
      const href = `${basePath}/certificates/${v.certificateCode}`;
      const label = t("certificateOf", { number: v.number });
      return (
        <span className="flex flex-wrap gap-x-3 gap-y-1">
          <a href={`${href}.pdf`} download className="inline-flex items-center gap-1 text-link underline" aria-label={`PDF ${label}`}>
            <FileDown aria-hidden="true" className="size-3.5" />
            PDF
          </a>
          <a href={`${href}.json`} download className="inline-flex items-center gap-1 text-link underline" aria-label={`JSON ${label}`}>
            <FileJson aria-hidden="true" className="size-3.5" />
            JSON
          </a>
        </span>
      );
    },
  },
];

/**
 * One row per agreement version signed on this contract, each with its certificate of acceptance (PDF and
 * signed JSON, docs/notes/evidence.md); the Sign button is the reseller portal's.
 */
export function VersionsTab({
  contract: c,
  basePath,
  signAction,
}: {
  contract: ContractDetails;
  basePath: string;
  signAction?: React.ReactNode;
}) {
  const t = useTranslations("ContractDetails");
  return (
    <div className="space-y-4">
      {c.agreement.updateVersion ? (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-400/30 dark:bg-amber-400/10 dark:text-amber-100"
        >
          <span>{t.rich("updatesAvailable", { number: c.agreement.updateVersion, b: (chunks) => <strong>{chunks}</strong> })}</span>
          {signAction}
        </div>
      ) : null}
      {c.signedVersions.length === 0 ? (
        <EmptyState title={t("noSigned")}>{c.status === "pending" ? t("signedOnActivation") : t("neverSigned")}</EmptyState>
      ) : (
        <DataTable columns={columns(basePath, t)} rows={c.signedVersions} rowKey={(v) => v.number} caption={t("signedVersions")} />
      )}
      {c.signedVersions.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          {t.rich("verifyHint", {
            link: (chunks) => (
              <a href="/verify" className="text-link underline">
                {chunks}
              </a>
            ),
          })}
        </p>
      ) : null}
    </div>
  );
}
