"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/field";
import { Card } from "@/components/ui/layout";
import { notify } from "@/components/ui/notify";
import type { DetailsActions } from "./types";

type Grants = { program: boolean; delegate: boolean };

/**
 * Change permissions: unticking applies at once (the partner loses it on its next request); ticking a box
 * the contract does not grant yet proposes it, and it applies only once the partner accepts.
 */
export function ChangePermissionsForm({
  publicId,
  current,
  change,
  canDelegate,
  canProgram,
}: {
  publicId: string;
  current: Grants;
  change: DetailsActions["changePermissions"];
  canDelegate: boolean;
  canProgram: boolean;
}) {
  const t = useTranslations("ContractPermissions");
  const form = useForm<Grants & { publicId: string }>({ defaultValues: { publicId, ...current } });
  const { submit } = useActionForm(form, change, {
    onSuccess: (d) => notify(d.outcome === "narrowed" ? t("narrowed") : t("widened")),
  });
  const submitting = form.formState.isSubmitting;
  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold text-foreground">{t("change")}</h2>
      <p className="mb-3 text-sm text-muted-foreground">{t("changeText")}</p>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={form.formState.errors.root?.message} />
        <fieldset className="flex flex-wrap gap-6">
          <legend className="sr-only">{t("heading")}</legend>
          {canProgram || current.program ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("program")} /> {t("program")}
            </label>
          ) : null}
          {canDelegate || current.delegate ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("delegate")} /> {t("delegate")}
            </label>
          ) : null}
          {canProgram || canDelegate || current.program || current.delegate ? null : (
            <p className="text-sm text-muted-foreground">{t("cannotPassOn")}</p>
          )}
        </fieldset>
        <Button type="submit" variant="secondary" disabled={submitting}>
          {submitting ? t("saving") : t("save")}
        </Button>
      </form>
    </Card>
  );
}

export function WithdrawProposalButton({ publicId, withdraw }: { publicId: string; withdraw: DetailsActions["withdrawProposal"] }) {
  const t = useTranslations("ContractPermissions");
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-3">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("withdraw")}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title={t("withdrawTitle")}
        description={t("withdrawText")}
        confirmLabel={t("withdraw")}
        busyLabel={t("withdrawing")}
        onConfirm={async () => {
          const result = await withdraw({ publicId, kind: "permissions" });
          if (!result.ok) return result.error;
          notify(t("withdrawn"));
          setOpen(false);
        }}
      />
    </div>
  );
}
