"use client";

import { Ellipsis, Trash2 } from "lucide-react";
import { useState } from "react";
import { notify } from "@/components/ui/notify";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip } from "@/components/ui/tooltip";
import type { Action } from "@/lib/action-result";

type VersionRef = { agreementId: string; number: number };

/** Activate and Delete of one version, passed in by the agreement's page. */
export type AgreementVersionActions = { activate: Action<VersionRef>; remove: Action<VersionRef> };

/**
 * Activate (the row's button) and Delete (in the row's "⋯" menu), each confirmed in a dialog that says
 * what follows; a refusal is shown in the dialog, the result as a toast.
 */
export function VersionActions({
  agreementId,
  number,
  active,
  contracts,
  actions,
}: VersionRef & { active: boolean; contracts: number; actions: AgreementVersionActions }) {
  const [open, setOpen] = useState<"activate" | "delete" | null>(null);
  const run = (action: Action<VersionRef>, done: string) => async () => {
    const result = await action({ agreementId, number });
    if (!result.ok) return result.error;
    setOpen(null);
    notify(done);
  };
  return (
    <div className="flex items-center justify-end gap-2">
      {!active ? (
        <Button variant="secondary" size="sm" onClick={() => setOpen("activate")}>
          Activate
        </Button>
      ) : null}
      <DropdownMenu modal={false}>
        <Tooltip content={`More actions for version ${number}`}>
          <DropdownMenuTrigger className={buttonClass("ghost", "icon")} aria-label={`More actions for version ${number}`}>
            <Ellipsis aria-hidden="true" />
          </DropdownMenuTrigger>
        </Tooltip>
        <DropdownMenuContent>
          <DropdownMenuItem tone="danger" onSelect={() => setOpen("delete")}>
            <Trash2 aria-hidden="true" /> Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        open={open === "activate"}
        onOpenChange={(o) => setOpen(o ? "activate" : null)}
        title={`Activate version ${number}?`}
        description={
          <>
            New contracts are made on version {number}. Active contracts on an older version show Updates available, and their signees are
            emailed to sign version {number}.
            {contracts ? ` ${contracts === 1 ? "1 contract is" : `${contracts} contracts are`} on this version already.` : ""}
          </>
        }
        confirmLabel="Activate"
        busyLabel="Activating…"
        onConfirm={run(actions.activate, `Version ${number} is now the active version.`)}
      />
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(o) => setOpen(o ? "delete" : null)}
        title={`Delete version ${number}?`}
        description="The version's text is removed for good. A version that is active or that contracts are on cannot be deleted."
        confirmLabel="Delete version"
        busyLabel="Deleting…"
        tone="danger"
        onConfirm={run(actions.remove, `Version ${number} was deleted.`)}
      />
    </div>
  );
}
