"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { notify } from "@/components/ui/notify";
import { Button } from "@/components/ui/button";

/** The activation link in a read-only box with a copy button that says "Copied" once it worked. */
export function CopyLink({ link }: { link: string }) {
  const t = useTranslations("ContractDetails");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setState("copied");
      notify(t("linkCopied"));
    } catch {
      setState("failed");
    }
  }
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <input
          aria-label={t("activationLink")}
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-input/50 bg-muted px-3 py-2 font-mono text-xs text-foreground"
        />
        <Button variant="secondary" onClick={copy}>
          {state === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {state === "copied" ? t("copied") : t("copy")}
        </Button>
      </div>
      {state === "failed" ? (
        <p role="alert" className="text-xs text-destructive-text">
          {t("copyBlocked")}
        </p>
      ) : null}
    </div>
  );
}
