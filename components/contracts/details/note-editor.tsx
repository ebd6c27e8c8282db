"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { notify } from "@/components/ui/notify";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Textarea } from "@/components/ui/field";
import type { DetailsActions } from "./types";

type Values = { publicId: string; noteToSignee: string };

/** Never called: without onSave the form is not shown (the owner's read-only view). */
const noSave = async () => ({ ok: false as const, error: "" });

/** The note to signee, with an Edit action while the contract is pending. */
export function NoteEditor({
  publicId,
  note,
  editable,
  onSave,
}: {
  publicId: string;
  note: string;
  editable: boolean;
  onSave?: DetailsActions["editNote"];
}) {
  const t = useTranslations("ContractDetails");
  const [editing, setEditing] = useState(false);
  // Validated by the server action (editNoteSchema): zod stays out of the details page's browser bundle.
  const form = useForm<Values>({ defaultValues: { publicId, noteToSignee: note } });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useActionForm(form, onSave ?? noSave, {
    onSuccess: () => {
      setEditing(false);
      notify(t("noteSaved"));
    },
  });

  if (!editing || !onSave) {
    return (
      <div>
        <p className="whitespace-pre-wrap text-sm text-foreground">{note}</p>
        {editable && onSave ? (
          <Button variant="secondary" className="mt-2" onClick={() => (form.reset({ publicId, noteToSignee: note }), setEditing(true))}>
            {t("edit")}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormError message={formError} />
      <Field id="noteToSignee" label={t("noteToSignee")} required hint={t("noteHint")} error={errors.noteToSignee?.message}>
        <Textarea
          id="noteToSignee"
          rows={3}
          required
          maxLength={200}
          error={errors.noteToSignee?.message}
          {...form.register("noteToSignee")}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <Button variant="secondary" onClick={() => setEditing(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
