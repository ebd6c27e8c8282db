"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ContractStatus } from "@/db/schema";
import { DeletePanel, EmailLinkPanel, RegeneratePanel, TerminatePanel } from "./action-panels";
import type { DetailsActions } from "./types";

type Panel = "email" | "regenerate" | "delete" | "terminate" | null;

/** The issuer's actions for the contract's status; each opens an inline confirm step. */
export function IssuerActions({ publicId, status, signeeEmail, actions }: { publicId: string; status: ContractStatus; signeeEmail: string | null; actions: DetailsActions }) {
  const [open, setOpen] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Rejected and terminated contracts are view only; the notice of the action that got them there stays.
  if (status !== "pending" && status !== "active") return notice ? <Notice text={notice} /> : null;
  const close = (message?: string) => {
    setOpen(null);
    setNotice(message ?? null);
  };
  const toggle = (p: Panel) => () => {
    setNotice(null);
    setOpen(open === p ? null : p);
  };
  const props = { publicId, actions, onDone: close, onCancel: () => setOpen(null) };
  return (
    <div className="mb-6 space-y-3">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Contract actions">
        {status === "pending" ? (
          <>
            <Button variant="secondary" aria-expanded={open === "email"} onClick={toggle("email")}>Email link</Button>
            <Button variant="secondary" aria-expanded={open === "regenerate"} onClick={toggle("regenerate")}>Regenerate link</Button>
            <Button variant="danger" aria-expanded={open === "delete"} onClick={toggle("delete")}>Delete</Button>
          </>
        ) : (
          <Button variant="danger" aria-expanded={open === "terminate"} onClick={toggle("terminate")}>Terminate</Button>
        )}
      </div>
      {notice ? <Notice text={notice} /> : null}
      {open === "email" ? <EmailLinkPanel {...props} signeeEmail={signeeEmail} /> : null}
      {open === "regenerate" ? <RegeneratePanel {...props} /> : null}
      {open === "delete" ? <DeletePanel {...props} /> : null}
      {open === "terminate" ? <TerminatePanel {...props} /> : null}
    </div>
  );
}

function Notice({ text }: { text: string }) {
  return <p role="status" className="mb-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{text}</p>;
}
