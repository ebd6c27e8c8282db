"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The activation link in a read-only box with a copy button that says "Copied" once it worked. */
export function CopyLink({ link }: { link: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setState("copied");
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
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
        />
        <Button variant="secondary" onClick={copy}>
          {state === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <p role="status" className="text-xs text-slate-500">
        {state === "failed" ? "Copying is blocked in this browser: select the link and copy it by hand." : state === "copied" ? "Copied to the clipboard." : ""}
      </p>
    </div>
  );
}
