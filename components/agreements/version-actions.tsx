"use client";

import { Ellipsis, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { notify } from "@/components/ui/notify";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip } from "@/components/ui/tooltip";
import type { Action } from "@/lib/action-result";
import type { PublishCounts } from "@/lib/agreements/publish-words";

type VersionRef = { agreementId: string; number: number };

/** Publish and Delete of one version, passed in by the agreement's page. */
export type AgreementVersionActions = { publish: Action<VersionRef, unknown>; remove: Action<VersionRef> };

type Props = VersionRef & {
  /** What Publish would do, counted on the server (null for the active version). */
  publish: PublishCounts | null;
  /** Why Delete is refused, in the words the server's refusal uses; null when it may be deleted. */
  deleteRefusal: string | null;
  actions: AgreementVersionActions;
};

/**
 * Publish (the row's button) and Delete (in the row's "⋯" menu), each confirmed in a dialog that says
 * what follows; Publish tells how many contracts will be asked to sign and signees emailed. A version
 * that cannot be deleted has Delete disabled, with the reason. Refusals show in the dialog, results as toasts.
 */
export function VersionActions({ agreementId, number, publish, deleteRefusal, actions }: Props) {
  const t = useTranslations("AgreementEditor");
  const [open, setOpen] = useState<"publish" | "delete" | null>(null);
  const run = (action: Action<VersionRef, unknown>, done: string) => async () => {
    const result = await action({ agreementId, number });
    if (!result.ok) return result.error;
    setOpen(null);
    notify(done);
  };
  return (
    <div className="flex items-center justify-end gap-2">
      {publish ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen("publish")} aria-label={t("publishVersion", { number })}>
          {t("publish")}
        </Button>
      ) : null}
      <DropdownMenu modal={false}>
        <Tooltip content={t("moreActions", { number })}>
          <DropdownMenuTrigger className={buttonClass("ghost", "icon")} aria-label={t("moreActions", { number })}>
            <Ellipsis aria-hidden="true" />
          </DropdownMenuTrigger>
        </Tooltip>
        <DropdownMenuContent>
          <DropdownMenuItem
            tone="danger"
            disabled={deleteRefusal !== null}
            aria-describedby={deleteRefusal ? `delete-refusal-${number}` : undefined}
            onSelect={() => setOpen("delete")}
          >
            <Trash2 aria-hidden="true" /> {t("delete")}
          </DropdownMenuItem>
          {/* The reason is the disabled item's description, so a screen reader says why as well. */}
          {deleteRefusal ? (
            <DropdownMenuLabel>
              <span id={`delete-refusal-${number}`}>{deleteRefusal}</span>
            </DropdownMenuLabel>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {publish ? (
        <ConfirmDialog
          open={open === "publish"}
          onOpenChange={(o) => setOpen(o ? "publish" : null)}
          title={t("publishTitle", { number })}
          description={t("publishText", { contracts: publish.contracts, signees: publish.signees, number })}
          confirmLabel={t("publish")}
          busyLabel={t("publishing")}
          onConfirm={run(actions.publish, t("published", { number }))}
        />
      ) : null}
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(o) => setOpen(o ? "delete" : null)}
        title={t("deleteTitle", { number })}
        description={t("deleteText")}
        confirmLabel={t("deleteVersion")}
        busyLabel={t("deleting")}
        tone="danger"
        onConfirm={run(actions.remove, t("deleted", { number }))}
      />
    </div>
  );
}
