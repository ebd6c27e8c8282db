import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import type { AgreementVersionRow } from "@/lib/agreements/get-agreement";
import { VersionActions, type AgreementVersionActions } from "./version-actions";

type Props = {
  agreementId: string;
  versions: AgreementVersionRow[];
  shown: number | null;
  canManage: boolean;
  actions: AgreementVersionActions;
};

export function VersionsTable({ agreementId, versions, shown, canManage, actions }: Props) {
  const columns: Column<AgreementVersionRow>[] = [
    {
      label: "Version",
      primary: true,
      cell: (v) =>
        v.number === shown ? (
          <span className="font-medium">
            Version {v.number} <span className="text-xs font-normal text-muted-foreground">(shown above)</span>
          </span>
        ) : (
          <Link href={`/partners/agreements/${agreementId}?version=${v.number}`} className="font-medium text-link hover:underline">
            View version {v.number}
          </Link>
        ),
    },
    { label: "Author", cell: (v) => v.authorName ?? "—" },
    { label: "Created", cell: (v) => <RelativeTime date={v.createdAt} /> },
    {
      label: "Status",
      cell: (v) =>
        v.active ? (
          <Badge tone="active">Active</Badge>
        ) : v.draft ? (
          <Badge tone="pending">Draft</Badge>
        ) : (
          <Badge tone="terminated">Inactive</Badge>
        ),
    },
    { label: "Contracts", align: "right", cell: (v) => v.contracts },
    ...(canManage
      ? [
          {
            label: "Actions",
            align: "right" as const,
            cell: (v: AgreementVersionRow) => (
              <VersionActions
                agreementId={agreementId}
                number={v.number}
                publish={v.publish}
                deleteRefusal={v.deleteRefusal}
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
      caption="Versions"
      rowProps={(v) => ({ "data-testid": `version-${v.number}` })}
    />
  );
}
