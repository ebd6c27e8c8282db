"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button, buttonClass } from "./button";
import { overlayClass, panelClass } from "./dialog";
import { FormError } from "./field";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  tone?: "primary" | "danger";
  /** Resolves to an error message to show in the dialog, or nothing when done (the caller closes it or navigates). */
  onConfirm: () => Promise<string | undefined | void>;
};

/**
 * A confirmation that interrupts (role="alertdialog"): Cancel has the focus first, so Enter never
 * confirms by accident; the action's refusal is shown inside the dialog rather than behind it.
 */
export function ConfirmDialog({ open, onOpenChange, title, description, confirmLabel, busyLabel, tone = "primary", onConfirm }: Props) {
  const t = useTranslations("Common");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      const refused = await onConfirm();
      if (refused) setError(refused);
    } finally {
      setBusy(false);
    }
  }
  const change = (next: boolean) => {
    if (busy) return;
    if (!next) setError(undefined);
    onOpenChange(next);
  };
  return (
    <AlertDialog.Root open={open} onOpenChange={change}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={panelClass}>
          <div className="space-y-1.5">
            <AlertDialog.Title className="text-lg font-semibold leading-tight">{title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="text-sm text-muted-foreground">{description}</div>
            </AlertDialog.Description>
          </div>
          <FormError message={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonClass("secondary")} disabled={busy}>
              {t("cancel")}
            </AlertDialog.Cancel>
            <Button variant={tone} disabled={busy} onClick={confirm}>
              {busy ? busyLabel : confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
