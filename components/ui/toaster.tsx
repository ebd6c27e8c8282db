"use client";

import { Toaster as Sonner } from "sonner";

/** Where toasts appear (one per page, in the portal's layout); components call sonner's `toast()`. */
export function Toaster() {
  return <Sonner theme="system" position="bottom-right" closeButton toastOptions={{ duration: 6000 }} containerAriaLabel="Notifications" />;
}
