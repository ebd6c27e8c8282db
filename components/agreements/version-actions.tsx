"use client";

import { Ellipsis, Trash2 } from "lucide-react";
import { useState } from "react";
import { notify } from "@/components/ui/notify";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip } from "@/components/ui/tooltip";
import type { Action } from "@/lib/action-result";
import { publishConsequence, type PublishCounts } from "@/lib/agreements/publish-words";

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
        <DropdownMenuContent>
          <DropdownMenuItem
            tone="danger"
            disabled={deleteRefusal !== null}
            aria-describedby={deleteRefusal ? `delete-refusal-${number}` : undefined}
            onSelect={() => setOpen("delete")}
          >
            <Trash2 aria-hidden="true" /> Delete
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
          title={`Publish version ${number}?`}
          description={`${publishConsequence(publish)} New contracts are made on version ${number}.`}
          confirmLabel="Publish"
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
