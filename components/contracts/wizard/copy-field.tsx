"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { notify } from "@/components/ui/notify";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** A read-only value with a copy button that says when the copy worked. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations("Wizard");
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    let ok = true;
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard API refused (insecure origin, permissions): select the text so Ctrl+C works.
      input.current?.select();
      ok = Boolean(document.execCommand?.("copy"));
    }
    setState(ok ? "copied" : "failed");
    if (ok) notify(t("copiedToClipboard", { label }));
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
      </label>
      <div className="flex gap-2">
        <input ref={input} id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono`} />
        <Button variant="secondary" onClick={copy} aria-describedby={`${id}-status`}>
          {t("copy")}
        </Button>
      </div>
      <p id={`${id}-status`} aria-live="polite" className="text-xs font-medium text-emerald-800 dark:text-emerald-300">
        {state === "copied" ? t("copied") : state === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}
