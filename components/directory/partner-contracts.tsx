import Link from "next/link";
import { useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import { signeeWords } from "@/lib/contracts/signee";
import type { PartnerContract } from "@/lib/directory/get-partner";
import { permissionLineKeys } from "@/components/contracts/permission-words";

type Words = (key: string, values?: Record<string, string | number>) => string;

const contractColumns = (t: Words, common: Words, perms: Words): Column<PartnerContract>[] => [
  {
    label: t("contractId"),
    primary: true,
    cell: (c) => (
      <Link href={`/partners/contracts/${c.publicId}`} className="whitespace-nowrap font-mono text-link hover:underline">
        {c.publicId}
      </Link>
    ),
  },
  {
    label: t("agreement"),
    cell: (c) => (
      <>
        <div>{c.agreementName}</div>
        <div className="font-mono text-xs text-muted-foreground">
          {c.agreementPublicId} · {t("version", { number: c.versionNumber })}
        </div>
      </>
    ),
  },
  { label: t("kind"), cell: (c) => <Badge tone={c.kind === "test" ? "test" : "neutral"}>{common(`kind.${c.kind}`)}</Badge> },
  { label: t("status"), cell: (c) => <Badge tone={c.status}>{common(`status.${c.status}`)}</Badge> },
  {
    label: t("permissions"),
    cell: (c) => {
      const words = permissionLineKeys(c.permissions);
      return words.length ? (
        <ul className="list-disc pl-4 text-left">
          {words.map((w) => (
            <li key={w}>{perms(w)}</li>
          ))}
        </ul>
      ) : (
        <span className="text-muted-foreground">{perms("none")}</span>
      );
    },
  },
  {
    label: t("signee"),
    cell: (c) => (
      <>
        <span className="break-words">{signeeWords({ name: c.signeeName, email: c.signeeEmail, invitedEmail: null, pending: false })}</span>
      </>
    ),
  },
  { label: t("created"), cell: (c) => <RelativeTime date={c.createdAt} /> },
];

export function PartnerContracts({ rows }: { rows: PartnerContract[] }) {
  const t = useTranslations("Directory");
  const common = useTranslations("Common");
  const perms = useTranslations("ContractPermissions");
  return (
    <DataTable
      columns={contractColumns(t, common, perms)}
      rows={rows}
      rowKey={(c) => c.publicId}
      caption={t("contracts")}
      rowProps={() => ({ "data-testid": "partner-contract" })}
    />
  );
}
