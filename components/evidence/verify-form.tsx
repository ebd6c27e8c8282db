"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("Verify");
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
          <span className="font-medium text-foreground">{t("drop")}</span>
          <span className="text-xs text-muted-foreground">{t("dropHint")}</span>
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
          {pending ? t("verifying") : t("verify")}
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
  const t = useTranslations("Verify");
  const what = c.claims
    ? t("claims", {
        code: String(c.claims.certificateCode),
        contract: String(c.claims.contractId),
        version: String(c.claims.versionNumber),
        signedAt: String(c.claims.signedAt),
      })
    : null;
  if (c.status === "valid")
    return (
      <Notice tone="success">
        <p className="flex items-center gap-2 font-semibold">
          <FileCheck2 aria-hidden="true" className="size-4" /> {t("valid", { kind: kindLabel[c.fileKind] })}
        </p>
        {what ? <p className="mt-1 break-words">{what}</p> : null}
        <p className="mt-1 break-words">
          {c.record === "matches" ? t("recordMatches") : c.record === "differs" ? t("recordDiffers") : t("recordMissing")}
        </p>
        <p className="mt-1 break-all text-xs">{t("keyLine", { keyId: c.keyId ?? "" })}</p>
      </Notice>
    );
  if (c.status === "altered")
    return (
      <Notice tone="danger" role="alert">
        <p className="flex items-center gap-2 font-semibold">
          <FileX2 aria-hidden="true" className="size-4" /> {t("altered", { kind: kindLabel[c.fileKind] })}
        </p>
        <p className="mt-1">{t("changed")}</p>
        <ul className="ml-5 list-disc break-all">
          {c.fields.map((f) => (
            <li key={f}>
              <code>{f}</code>
            </li>
          ))}
        </ul>
        {what ? <p className="mt-1 break-words">{t("fileClaims", { what })}</p> : null}
      </Notice>
    );
  if (c.status === "unknown_key")
    return (
      <Notice tone="warning" role="alert">
        <p className="flex items-center gap-2 font-semibold">
          <FileWarning aria-hidden="true" className="size-4" /> {t("unknownKey")}
        </p>
        <p className="mt-1 break-all">{t("unknownKeyBody", { keyId: c.keyId ?? "" })}</p>
      </Notice>
    );
  return (
    <Notice tone="danger" role="alert">
      <p className="font-semibold">{t("unreadable")}</p>
      <p className="mt-1">{c.reason}</p>
    </Notice>
  );
}
