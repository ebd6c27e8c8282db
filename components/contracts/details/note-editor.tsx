"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { DetailsActions } from "./types";

// The form (and its form library) loads when Edit is pressed, not with the page.
const NoteForm = dynamic(() => import("./note-form").then((m) => m.NoteForm));

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
  if (editing && onSave) return <NoteForm publicId={publicId} note={note} onSave={onSave} onClose={() => setEditing(false)} />;
  return (
    <div>
      <p className="whitespace-pre-wrap text-sm text-foreground">{note}</p>
      {editable && onSave ? (
        <Button variant="secondary" className="mt-2" onClick={() => setEditing(true)}>
          {t("edit")}
        </Button>
      ) : null}
    </div>
  );
}
