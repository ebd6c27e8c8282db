"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { notify } from "./notify";

const Sonner = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

const FLASH = "scp:flash-toast";

/**
 * Where toasts appear (one per page, in the portal's layout); components call `notify()`.
 * A toast for an action that redirects is "flashed": its message is parked before the call and shown
 * by the page the redirect lands on.
 */
export function Toaster() {
  const t = useTranslations("Common");
  const path = usePathname();
  useEffect(() => {
    const message = sessionStorage.getItem(FLASH);
    if (!message) return;
    sessionStorage.removeItem(FLASH);
    notify(message);
  }, [path]);
  return (
    <Sonner theme="system" position="bottom-right" closeButton toastOptions={{ duration: 6000 }} containerAriaLabel={t("notifications")} />
  );
}

/** Runs an action that redirects on success, with `message` as the toast on the page it lands on. */
export async function withFlashToast<R>(message: string, call: () => Promise<R>): Promise<R> {
  sessionStorage.setItem(FLASH, message);
  try {
    const result = await call();
    // A refusal comes back as a result: no toast. Success never gets here, or with no result.
    if (result && typeof result === "object" && "ok" in result && !result.ok) sessionStorage.removeItem(FLASH);
    return result;
  } catch (e) {
    // The redirect itself may surface as Next's redirect error; anything else is a failure.
    if (!String((e as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT")) sessionStorage.removeItem(FLASH);
    throw e;
  }
}
