"use client";

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
  const form = useForm<Grants & { publicId: string }>({ defaultValues: { publicId, ...current } });
  const { submit } = useActionForm(form, change, {
    onSuccess: (d) =>
      notify(
        d.outcome === "narrowed"
          ? "Permissions narrowed. The partner loses them at once."
          : "Wider permissions proposed. They apply once the partner accepts them.",
      ),
  });
  const submitting = form.formState.isSubmitting;
  return (
    <Card>
      <h2 className="mb-1 text-base font-semibold text-foreground">Change permissions</h2>
      <p className="mb-3 text-sm text-muted-foreground">
        Removing a permission applies immediately. Adding one is proposed to the partner, who must accept it in the Reseller Portal within
        30 days.
      </p>
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormError message={form.formState.errors.root?.message} />
        <fieldset className="flex flex-wrap gap-6">
          <legend className="sr-only">Agreement creation permission</legend>
          {canProgram || current.program ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("program")} /> Program
            </label>
          ) : null}
          {canDelegate || current.delegate ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("delegate")} /> Delegate
            </label>
          ) : null}
          {canProgram || canDelegate || current.program || current.delegate ? null : (
            <p className="text-sm text-muted-foreground">Your account cannot pass on agreement creation.</p>
          )}
        </fieldset>
        <Button type="submit" variant="secondary" disabled={submitting}>
          {submitting ? "Saving…" : "Save permissions"}
        </Button>
      </form>
    </Card>
  );
}

export function WithdrawProposalButton({ publicId, withdraw }: { publicId: string; withdraw: DetailsActions["withdrawProposal"] }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-3">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Withdraw proposal
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Withdraw the proposed permissions?"
        description="The partner can no longer accept them. The contract keeps its current permissions."
        confirmLabel="Withdraw proposal"
        busyLabel="Withdrawing…"
        onConfirm={async () => {
          const result = await withdraw({ publicId, kind: "permissions" });
          if (!result.ok) return result.error;
          notify("The proposal was withdrawn.");
          setOpen(false);
        }}
      />
    </div>
  );
}
