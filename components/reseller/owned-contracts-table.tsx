import { useTranslations } from "next-intl";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { OwnedContract } from "@/lib/reseller/list-owned-contracts";

type T = (key: string, values?: Record<string, string | number>) => string;

const columnsIn = (t: T, common: T): Column<OwnedContract>[] => [
  {
    label: t("contractId"),
    primary: true,
    cell: (c) => (
      <Link href={`/reseller/contracts/${c.publicId}`} className="whitespace-nowrap font-mono text-link hover:underline">
        {c.publicId}
      </Link>
    ),
  },
  { label: t("distributor"), cell: (c) => c.distributor.name },
  {
    label: t("agreement"),
    cell: (c) => (
      <>
        {c.agreement.name} <span className="font-mono text-xs text-muted-foreground">{c.agreement.publicId}</span>
      </>
    ),
  },
  {
    label: t("version"),
    cell: (c) => (
      <span className="inline-flex flex-wrap items-center justify-end gap-2">
        {t("versionNumber", { version: c.versionNumber })}
        {c.updateVersion !== null ? (
          <Link href={`/reseller/contracts/${c.publicId}?tab=versions`} className="rounded-full">
            <Badge tone="info">{t("updateBadge", { version: c.updateVersion })}</Badge>
          </Link>
        ) : null}
      </span>
    ),
  },
  { label: t("kind"), cell: (c) => <Badge tone={c.kind === "test" ? "test" : "neutral"}>{common(`kind.${c.kind}`)}</Badge> },
  {
    label: t("status"),
    cell: (c) => (
      <span className="inline-flex flex-wrap items-center justify-end gap-2">
        <Badge tone={c.status}>{common(`status.${c.status}`)}</Badge>
        {c.proposalsWaiting > 0 ? (
          <Link href={`/reseller/contracts/${c.publicId}#proposals`} className="rounded-full">
            <Badge tone="info">{t("proposalToReview")}</Badge>
          </Link>
        ) : null}
      </span>
    ),
  },
];

/** The reseller's contracts from every distributor. */
export function OwnedContractsTable({ contracts }: { contracts: OwnedContract[] }) {
  const t = useTranslations("Reseller");
  const common = useTranslations("Common");
  return <DataTable columns={columnsIn(t, common)} rows={contracts} rowKey={(c) => c.publicId} caption={t("yourContracts")} />;
}
