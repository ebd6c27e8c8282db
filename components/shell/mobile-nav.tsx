"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { SidebarNav } from "./sidebar-nav";
import type { NavSection } from "./types";

/** On a phone the sidebar's links open in a sheet from the left; choosing a link closes it. */
export function MobileNav({ sections, words }: { sections: NavSection[]; words: { open: string; close: string; title: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger className={buttonClass("ghost", "icon")} aria-label={words.open}>
        <Menu aria-hidden="true" />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-slate-950/60" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto border-r border-border bg-sidebar p-4 shadow-xl"
        >
          <div className="mb-4 flex items-center justify-between">
            <DialogPrimitive.Title className="text-sm font-semibold">{words.title}</DialogPrimitive.Title>
            <DialogPrimitive.Close className={buttonClass("ghost", "icon")} aria-label={words.close}>
              <X aria-hidden="true" />
            </DialogPrimitive.Close>
          </div>
          <SidebarNav sections={sections} onNavigate={() => setOpen(false)} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
