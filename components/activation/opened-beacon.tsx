"use client";

import { useEffect } from "react";

/**
 * Tells the server that a person saw this activation page: one small POST once the page is visible. Mail
 * scanners that prefetch the link do not run it, and GET/HEAD of the page stay read-only. The token is read
 * from the address bar, not passed in props. Without JavaScript nothing is recorded.
 */
export function OpenedBeacon() {
  useEffect(() => {
    let sent = false;
    const send = () => {
      if (sent || document.visibilityState !== "visible") return;
      sent = true;
      const token = decodeURIComponent(window.location.pathname.split("/")[2] ?? "");
      void fetch("/activate/opened", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token }),
        keepalive: true,
        credentials: "same-origin",
      }).catch(() => undefined);
    };
    send();
    document.addEventListener("visibilitychange", send);
    return () => document.removeEventListener("visibilitychange", send);
  }, []);
  return null;
}
