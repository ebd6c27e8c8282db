"use client";

import { ArrowUpCircle, Ban, CalendarPlus, Ellipsis, Mail, RefreshCw, Trash2, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { withFlashToast } from "@/components/ui/toaster";
import { Tooltip } from "@/components/ui/tooltip";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ContractStatus } from "@/db/schema";
import { notify } from "@/components/ui/notify";
import type { DetailsActions } from "./types";

// The dialogs' forms (and their form library) load after the page, not with it: the first load of a
// contract's page carries only its buttons (bench ratio 8a). They are fetched once the page is idle, so a
// click rarely waits for them.
const loadDialogs = () => import("./action-dialogs");
const loadExpiryDialog = () => import("./extend-expiry-dialog");
const EmailLinkDialog = dynamic(() => loadDialogs().then((m) => m.EmailLinkDialog));
const RegenerateDialog = dynamic(() => loadDialogs().then((m) => m.RegenerateDialog));
const ExtendDialog = dynamic(() => loadDialogs().then((m) => m.ExtendDialog));
const TerminateDialog = dynamic(() => loadDialogs().then((m) => m.TerminateDialog));
const ExtendExpiryDialog = dynamic(() => loadExpiryDialog().then((m) => m.ExtendExpiryDialog));

type Open = "email" | "regenerate" | "delete" | "terminate" | "extend" | "extendExpiry" | "promote" | "withdrawPromotion" | null;

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
  endsAt = null,
  promotable = false,
  promotionPending = false,
}: {
  publicId: string;
  status: ContractStatus;
  signeeEmail: string | null;
  linkExpiresAt: Date;
  actions: DetailsActions;
  /** Issue 21: an active contract's end date (Extend), and whether it is a Test contract that can be promoted. */
  endsAt?: Date | null;
  promotable?: boolean;
  promotionPending?: boolean;
}) {
  const t = useTranslations("ContractDetails");
  const [open, setOpen] = useState<Open>(null);
  useEffect(() => {
    const id = setTimeout(() => void Promise.all([loadDialogs(), loadExpiryDialog()]).catch(() => undefined), 500);
    return () => clearTimeout(id);
  }, []);
  // Rejected and terminated contracts are view only.
  if (status !== "pending" && status !== "active") return null;
  const close = () => setOpen(null);
  const dialog = (which: Exclude<Open, null | "delete" | "promote" | "withdrawPromotion">) => ({
    open: open === which,
    onOpenChange: (o: boolean) => setOpen(o ? which : null),
  });
  const props = { publicId, actions, onDone: close };
  async function remove() {
    // On success the action redirects to the list, where the toast shows.
    const result = await withFlashToast(t("deleted", { id: publicId }), () => actions.deleteContract({ publicId }));
    if (result && !result.ok) return result.error;
  }
  async function promote() {
    const result = await actions.promoteContract({ publicId });
    if (!result.ok) return result.error;
    notify(t("promotionProposed"));
    close();
  }
  async function withdrawPromotion() {
    const result = await actions.withdrawProposal({ publicId, kind: "promotion" });
    if (!result.ok) return result.error;
    notify(t("promotionWithdrawn"));
    close();
  }
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("actionsLabel")}>
      {status === "pending" ? (
        <>
          <Button variant="secondary" onClick={() => setOpen("email")}>
            <Mail aria-hidden="true" /> {t("emailLink")}
          </Button>
          <Button variant="secondary" onClick={() => setOpen("regenerate")}>
            <RefreshCw aria-hidden="true" /> {t("regenerateLink")}
          </Button>
          {actions.extendExpiry ? (
            <Button variant="secondary" onClick={() => setOpen("extendExpiry")}>
              <CalendarPlus aria-hidden="true" /> {t("extendExpiry")}
            </Button>
          ) : null}
        </>
      ) : null}
      {status === "active" && endsAt ? (
        <Button variant="secondary" onClick={() => setOpen("extend")}>
          <CalendarPlus aria-hidden="true" /> {t("extend")}
        </Button>
      ) : null}
      {status === "active" && promotable && !promotionPending ? (
        <Button variant="secondary" onClick={() => setOpen("promote")}>
          <ArrowUpCircle aria-hidden="true" /> {t("promote")}
        </Button>
      ) : null}
      {status === "active" && promotionPending ? (
        <Button variant="secondary" onClick={() => setOpen("withdrawPromotion")}>
          <Undo2 aria-hidden="true" /> {t("withdrawPromotion")}
        </Button>
      ) : null}
      {/* Not modal: a dialog opened from a modal menu can leave the page unclickable (Radix). */}
      <DropdownMenu modal={false}>
        <Tooltip content={status === "pending" ? t("moreDelete") : t("moreTerminate")}>
          <DropdownMenuTrigger className={buttonClass("secondary", "icon")} aria-label={t("moreActions")}>
            <Ellipsis aria-hidden="true" />
          </DropdownMenuTrigger>
        </Tooltip>
        <DropdownMenuContent>
          {status === "pending" ? (
            <DropdownMenuItem tone="danger" onSelect={() => setOpen("delete")}>
              <Trash2 aria-hidden="true" /> {t("delete")}
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem tone="danger" onSelect={() => setOpen("terminate")}>
              <Ban aria-hidden="true" /> {t("terminate")}
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog {...dialog("email")}>{open === "email" ? <EmailLinkDialog {...props} signeeEmail={signeeEmail} /> : null}</Dialog>
      <Dialog {...dialog("regenerate")}>{open === "regenerate" ? <RegenerateDialog {...props} /> : null}</Dialog>
      <Dialog {...dialog("extend")}>{open === "extend" && endsAt ? <ExtendDialog {...props} endsAt={endsAt} /> : null}</Dialog>
      <ConfirmDialog
        open={open === "promote"}
        onOpenChange={(o) => setOpen(o ? "promote" : null)}
        title={t("promoteTitle", { id: publicId })}
        description={t("promoteText")}
        confirmLabel={t("proposePromotion")}
        busyLabel={t("proposing")}
        onConfirm={promote}
      />
      <ConfirmDialog
        open={open === "withdrawPromotion"}
        onOpenChange={(o) => setOpen(o ? "withdrawPromotion" : null)}
        title={t("withdrawPromotionTitle")}
        description={t("withdrawPromotionText")}
        confirmLabel={t("withdrawPromotion")}
        busyLabel={t("withdrawing")}
        onConfirm={withdrawPromotion}
      />
      <Dialog {...dialog("extendExpiry")}>
        {open === "extendExpiry" ? <ExtendExpiryDialog {...props} linkExpiresAt={linkExpiresAt} /> : null}
      </Dialog>
      <Dialog {...dialog("terminate")}>{open === "terminate" ? <TerminateDialog {...props} /> : null}</Dialog>
      <ConfirmDialog
        open={open === "delete"}
        onOpenChange={(o) => setOpen(o ? "delete" : null)}
        title={t("deleteTitle", { id: publicId })}
        description={t("deleteText")}
        confirmLabel={t("deleteContract")}
        busyLabel={t("deleting")}
        tone="danger"
        onConfirm={remove}
      />
    </div>
  );
}
