"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { notify } from "@/components/ui/notify";
import { Button } from "@/components/ui/button";

/** The activation link in a read-only box with a copy button that says "Copied" once it worked. */
export function CopyLink({ link }: { link: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setState("copied");
      notify("Activation link copied to the clipboard.");
    } catch {
      setState("failed");
    }
  }
  return (
    <div className="space-y-1">
      <div className="flex gap-2">
        <input
          aria-label="Activation link"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-input/50 bg-muted px-3 py-2 font-mono text-xs text-foreground"
        />
        <Button variant="secondary" onClick={copy}>
          {state === "copied" ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {state === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      {state === "failed" ? (
        <p role="alert" className="text-xs text-destructive-text">
          Copying is blocked in this browser: select the link and copy it by hand.
        </p>
      ) : null}
    </div>
  );
}
