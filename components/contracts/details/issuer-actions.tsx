"use client";

import { Ban, CalendarPlus, Ellipsis, Mail, RefreshCw, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { withFlashToast } from "@/components/ui/toaster";
import { Tooltip } from "@/components/ui/tooltip";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ContractStatus } from "@/db/schema";
import { EmailLinkDialog, RegenerateDialog, TerminateDialog } from "./action-dialogs";
import { ExtendExpiryDialog } from "./extend-expiry-dialog";
import type { DetailsActions } from "./types";

type Open = "email" | "regenerate" | "extend" | "delete" | "terminate" | null;

/**
 * The issuer's actions for the contract's status: the everyday ones as buttons, the destructive ones
 * (Delete, Terminate) behind the "⋯" menu, each confirmed in a dialog.
 */
export function IssuerActions({
  publicId,
  status,
  signeeEmail,
  linkExpiresAt,
  actions,
}: {
  publicId: string;
  status: ContractStatus;
  signeeEmail: string | null;
  linkExpiresAt: Date;
  actions: DetailsActions;
}) {
  const [open, setOpen] = useState<Open>(null);
  // Rejected and terminated contracts are view only.
  if (status !== "pending" && status !== "active") return null;
  const close = () => setOpen(null);
  const dialog = (which: Exclude<Open, null | "delete">) => ({
    open: open === which,
    onOpenChange: (o: boolean) => setOpen(o ? which : null),
  });
  const props = { publicId, actions, onDone: close };
  async function remove() {
    // On success the action redirects to the list, where the toast shows.
    const result = await withFlashToast(`Contract ${publicId} was deleted.`, () => actions.deleteContract({ publicId }));
    if (result && !result.ok) return result.error;
  }
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Contract actions">
      {status === "pending" ? (
        <>
          <Button variant="secondary" onClick={() => setOpen("email")}>
            <Mail aria-hidden="true" /> Email link
          </Button>
          <Button variant="secondary" onClick={() => setOpen("regenerate")}>
            <RefreshCw aria-hidden="true" /> Regenerate link
          </Button>
          {actions.extendExpiry ? (
            <Button variant="secondary" onClick={() => setOpen("extend")}>
              <CalendarPlus aria-hidden="true" /> Extend expiry
            </Button>
          ) : null}
        </>
      ) : null}
      {/* Not modal: a dialog opened from a modal menu can leave the page unclickable (Radix). */}
      <DropdownMenu modal={false}>
        <Tooltip content={status === "pending" ? "More actions: Delete" : "More actions: Terminate"}>
          <DropdownMenuTrigger className={buttonClass("secondary", "icon")} aria-label="More actions">
            <Ellipsis aria-hidden="true" />
          </DropdownMenuTrigger>
        </Tooltip>
        <DropdownMenuContent>
          {status === "pending" ? (
            <DropdownMenuItem tone="danger" onSelect={() => setOpen("delete")}>
              <Trash2 aria-hidden="true" /> Delete
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem tone="danger" onSelect={() => setOpen("terminate")}>
              <Ban aria-hidden="true" /> Terminate
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog {...dialog("email")}>{open === "email" ? <EmailLinkDialog {...props} signeeEmail={signeeEmail} /> : null}</Dialog>
      <Dialog {...dialog("regenerate")}>{open === "regenerate" ? <RegenerateDialog {...props} /> : null}</Dialog>
      <Dialog {...dialog("extend")}>{open === "extend" ? <ExtendExpiryDialog {...props} linkExpiresAt={linkExpiresAt} /> : null}</Dialog>
      <Dialog {...dialog("terminate")}>{open === "terminate" ? <TerminateDialog {...props} /> : null}</Dialog>
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(o) => setOpen(o ? "delete" : null)}
        title={`Delete contract ${publicId}?`}
        description="The contract and its activation link are removed. The history keeps a record of the deletion."
        confirmLabel="Delete contract"
        busyLabel="Deleting…"
        tone="danger"
        onConfirm={remove}
      />
    </div>
  );
}
