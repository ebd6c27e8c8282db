"use client";

import { Ellipsis, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { notify } from "@/components/ui/notify";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip } from "@/components/ui/tooltip";
import type { Action } from "@/lib/action-result";
import { publishConsequence, type PublishCounts } from "@/lib/agreements/publish-words";

type VersionRef = { agreementId: string; number: number };

/** Publish and Delete of one version, passed in by the agreement's page. */
export type AgreementVersionActions = { publish: Action<VersionRef, unknown>; remove: Action<VersionRef> };

type Props = VersionRef & {
  /** What Publish would do, read by the server with the versions (null for the active version: no Publish). */
  publish: PublishCounts | null;
  /** Why Delete is refused, or null: a refused Delete is disabled in the menu with its reason. */
  deleteRefusal: string | null;
  actions: AgreementVersionActions;
};

/**
 * Publish (the row's button) and Delete (in the row's "⋯" menu), each confirmed in a dialog; Publish's
 * tells how many contracts will be asked to sign and how many signees emailed. A refusal is shown in
 * the dialog, the result as a toast.
 */
export function VersionActions({ agreementId, number, publish, deleteRefusal, actions }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState<"publish" | "delete" | null>(null);
  const run = (action: Action<VersionRef, unknown>, done: string) => async () => {
    const result = await action({ agreementId, number });
    if (!result.ok) return result.error;
    setOpen(null);
    notify(done);
    // A clean URL: the page shows the active version, never a ?version that was just deleted.
    router.replace(`/partners/agreements/${agreementId}`);
  };
  const reasonId = `delete-refusal-${number}`;
  return (
    <div className="flex items-center justify-end gap-2">
      {publish ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen("publish")} aria-label={`Publish version ${number}`}>
          Publish
        </Button>
      ) : null}
      <DropdownMenu modal={false}>
        <Tooltip content={`More actions for version ${number}`}>
          <DropdownMenuTrigger className={buttonClass("ghost", "icon")} aria-label={`More actions for version ${number}`}>
            <Ellipsis aria-hidden="true" />
          </DropdownMenuTrigger>
        </Tooltip>
        <DropdownMenuContent className="max-w-72">
          <DropdownMenuItem
            tone="danger"
            disabled={deleteRefusal !== null}
            aria-describedby={deleteRefusal ? reasonId : undefined}
            onSelect={() => setOpen("delete")}
          >
            <Trash2 aria-hidden="true" /> Delete
          </DropdownMenuItem>
          {deleteRefusal ? (
            <p id={reasonId} className="px-2 pb-1.5 text-xs text-muted-foreground">
              {deleteRefusal}
            </p>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {publish ? (
        <ConfirmDialog
          open={open === "publish"}
          onOpenChange={(o) => setOpen(o ? "publish" : null)}
          title={`Publish version ${number}?`}
          description={
            <>
              <p>{publishConsequence(publish)}</p>
              <p className="mt-1">New contracts are made on version {number}.</p>
            </>
          }
          confirmLabel={`Publish version ${number}`}
          busyLabel="Publishing…"
          onConfirm={run(actions.publish, `Version ${number} was published.`)}
        />
      ) : null}
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(o) => setOpen(o ? "delete" : null)}
        title={`Delete version ${number}?`}
        description="The version's text is removed for good."
        confirmLabel="Delete version"
        busyLabel="Deleting…"
        tone="danger"
        onConfirm={run(actions.remove, `Version ${number} was deleted.`)}
      />
    </div>
  );
}
