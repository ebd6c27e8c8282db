"use client";

import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { notify } from "@/components/ui/notify";
import { useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormError, Textarea } from "@/components/ui/field";
import type { DetailsActions } from "./types";

type Values = { publicId: string; noteToSignee: string };

/**
 * The note to signee's edit form (components/contracts/details/note-editor.tsx loads it on Edit, so the
 * details page's first load carries no form library).
 */
export function NoteForm({
  publicId,
  note,
  onSave,
  onClose,
}: {
  publicId: string;
  note: string;
  onSave: DetailsActions["editNote"];
  onClose: () => void;
}) {
  const t = useTranslations("ContractDetails");
  // Validated by the server action (editNoteSchema): zod stays out of the details page's browser bundle.
  const form = useForm<Values>({ defaultValues: { publicId, noteToSignee: note } });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useActionForm(form, onSave, {
    onSuccess: () => {
      onClose();
      notify(t("noteSaved"));
    },
  });
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
        <Button variant="secondary" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
