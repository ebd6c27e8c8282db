"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * Client-side navigation for the plain links inside it, the way next/link gives it one link at a time: a
 * click on a same-site link (left button, no modifier key, no target or download) goes through the router,
 * and pointing at or focusing a link prefetches it. Used where the server writes many links as markup (the
 * Contracts list's rows, components/ui/table-shell.tsx): one listener for the table instead of a client
 * component per link. Without JavaScript the links are ordinary links.
 */
export function SoftLinks({ className, children }: { className?: string; children: ReactNode }) {
  const router = useRouter();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const sameSite = (target: EventTarget | null): HTMLAnchorElement | null => {
      const a = target instanceof Element ? target.closest<HTMLAnchorElement>("a[href]") : null;
      if (!a || !root.contains(a) || a.target || a.hasAttribute("download") || a.origin !== window.location.origin) return null;
      return a;
    };
    const prefetched = new Set<string>();
    const prefetch = (e: Event) => {
      const a = sameSite(e.target);
      const href = a ? a.pathname + a.search : null;
      if (href && !prefetched.has(href)) {
        prefetched.add(href);
        router.prefetch(href);
      }
    };
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = sameSite(e.target);
      if (!a) return;
      e.preventDefault();
      router.push(a.pathname + a.search + a.hash);
    };
    root.addEventListener("click", click);
    root.addEventListener("pointerover", prefetch);
    root.addEventListener("focusin", prefetch);
    return () => {
      root.removeEventListener("click", click);
      root.removeEventListener("pointerover", prefetch);
      root.removeEventListener("focusin", prefetch);
    };
  }, [router]);
  return (
    <div ref={ref} className={className}>
      {children}
    </div>
  );
}
