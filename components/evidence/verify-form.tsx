"use client";

import { FileCheck2, FileWarning, FileX2, Upload } from "lucide-react";
import { useActionState, useRef, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActionResult, FormAction } from "@/lib/action-result";
import type { EvidenceCheck } from "@/lib/evidence/verify-upload";

/**
 * Drop or choose a certificate (JSON or PDF) and post it: a plain form, so it works without JavaScript;
 * with it, dropping a file anywhere on the area submits it at once.
 */
export function VerifyForm({ action }: { action: FormAction<EvidenceCheck> }) {
  const [state, formAction, pending] = useActionState<ActionResult<EvidenceCheck> | null, FormData>(action, null);
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const refused = state && !state.ok ? state : null;
  return (
    <div className="space-y-4">
      <form ref={form} action={formAction} className="space-y-3">
        <label
          htmlFor="evidence-file"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            if (!input.current || e.dataTransfer.files.length === 0) return;
            input.current.files = e.dataTransfer.files;
            form.current?.requestSubmit();
          }}
          className={cn(
            "flex cursor-pointer flex-col items-center gap-2 rounded-lg border-2 border-dashed border-border bg-card px-4 py-8 text-center text-sm",
            over && "border-primary bg-accent",
          )}
        >
          <Upload aria-hidden="true" className="size-6 text-muted-foreground" />
          <span className="font-medium text-foreground">Drop a certificate here, or choose the file</span>
          <span className="text-xs text-muted-foreground">The JSON or PDF you downloaded from a contract&apos;s Versions tab</span>
        </label>
        <input
          ref={input}
          id="evidence-file"
          name="file"
          type="file"
          accept=".json,.pdf,application/json,application/pdf"
          aria-describedby={refused ? "evidence-error" : undefined}
          className="block w-full min-w-0 text-sm text-foreground file:mr-3 file:rounded-md file:border file:border-border file:bg-card file:px-3 file:py-1.5 file:text-sm"
        />
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {pending ? "Verifying…" : "Verify"}
        </button>
      </form>
      {refused ? (
        <Notice tone="danger" role="alert">
          <span id="evidence-error">{refused.error}</span>
        </Notice>
      ) : null}
      {state?.ok ? <VerifyResult check={state.data} /> : null}
    </div>
  );
}

const kindLabel = { json: "JSON", pdf: "PDF" } as const;

export function VerifyResult({ check: c }: { check: EvidenceCheck }) {
  const what = c.claims
    ? `Certificate ${c.claims.certificateCode}: contract ${c.claims.contractId}, version ${c.claims.versionNumber}, signed ${c.claims.signedAt} (UTC).`
    : null;
  if (c.status === "valid")
    return (
      <Notice tone="success">
        <p className="flex items-center gap-2 font-semibold">
          <FileCheck2 aria-hidden="true" className="size-4" /> Valid: this {kindLabel[c.fileKind]} is signed by this deployment&apos;s key
          and nothing in it was changed.
        </p>
        {what ? <p className="mt-1 break-words">{what}</p> : null}
        <p className="mt-1 break-words">
          {c.record === "matches"
            ? "It matches what the database holds for this certificate."
            : c.record === "differs"
              ? "But the database now holds different data for this certificate: its record or history was changed after it was issued."
              : "The database holds no certificate with this code (it may belong to another deployment's database)."}
        </p>
        <p className="mt-1 break-all text-xs">Key {c.keyId}</p>
      </Notice>
    );
  if (c.status === "altered")
    return (
      <Notice tone="danger" role="alert">
        <p className="flex items-center gap-2 font-semibold">
          <FileX2 aria-hidden="true" className="size-4" /> Altered: this {kindLabel[c.fileKind]} was changed after it was signed.
        </p>
        <p className="mt-1">Changed: </p>
        <ul className="ml-5 list-disc break-all">
          {c.fields.map((f) => (
            <li key={f}>
              <code>{f}</code>
            </li>
          ))}
        </ul>
        {what ? <p className="mt-1 break-words">The file claims: {what}</p> : null}
      </Notice>
    );
  if (c.status === "unknown_key")
    return (
      <Notice tone="warning" role="alert">
        <p className="flex items-center gap-2 font-semibold">
          <FileWarning aria-hidden="true" className="size-4" /> Unknown key: this file is not signed by this deployment&apos;s key.
        </p>
        <p className="mt-1 break-all">
          It names the key {c.keyId}. Compare it with the key of the deployment that should have issued it (its
          /.well-known/scp-evidence-key).
        </p>
      </Notice>
    );
  return (
    <Notice tone="danger" role="alert">
      <p className="font-semibold">Not a certificate we can read.</p>
      <p className="mt-1">{c.reason}</p>
    </Notice>
  );
}
