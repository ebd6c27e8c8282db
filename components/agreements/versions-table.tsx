import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { AgreementVersionRow } from "@/lib/agreements/get-agreement";
import { localizeMessage } from "@/lib/message-keys";
import { VersionActions, type AgreementVersionActions } from "./version-actions";

type Props = {
  agreementId: string;
  versions: AgreementVersionRow[];
  shown: number | null;
  canManage: boolean;
  actions: AgreementVersionActions;
};

export function VersionsTable({ agreementId, versions, shown, canManage, actions }: Props) {
  const t = useTranslations("Agreements");
  const locale = useLocale();
  const columns: Column<AgreementVersionRow>[] = [
    {
      label: t("colVersion"),
      primary: true,
      cell: (v) =>
        v.number === shown ? (
          <span className="font-medium">
            {t("version", { number: v.number })} <span className="text-xs font-normal text-muted-foreground">{t("shownAbove")}</span>
          </span>
        ) : (
          <Link href={`/partners/agreements/${agreementId}?version=${v.number}`} className="font-medium text-link hover:underline">
            {t("viewVersion", { number: v.number })}
          </Link>
        ),
    },
    { label: t("author"), cell: (v) => v.authorName ?? "—" },
    { label: t("created"), cell: (v) => <RelativeTime date={v.createdAt} /> },
    {
      label: t("status"),
      cell: (v) =>
        v.active ? (
          <Badge tone="active">{t("active")}</Badge>
        ) : v.draft ? (
          <Badge tone="pending">{t("draft")}</Badge>
        ) : (
          <Badge tone="terminated">{t("inactive")}</Badge>
        ),
    },
    { label: t("contracts"), align: "right", cell: (v) => v.contracts },
    ...(canManage
      ? [
          {
            label: t("actions"),
            align: "right" as const,
            cell: (v: AgreementVersionRow) => (
              <VersionActions
                agreementId={agreementId}
                number={v.number}
                publish={v.publish}
                deleteRefusal={v.deleteRefusal && localizeMessage(v.deleteRefusal, locale)}
                actions={actions}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <DataTable
      columns={columns}
      rows={[...versions].reverse()}
      rowKey={(v) => v.number}
      caption={t("versions")}
      rowProps={(v) => ({ "data-testid": `version-${v.number}` })}
    />
  );
}
