"use client";

import { useEffect } from "react";

// Module state outlives client navigations: false only for the page the browser loaded itself.
let navigated = false;

/**
 * After a step change made in the page (scripts on: the step forms navigate on the client), moves
 * keyboard focus to the new step's title; otherwise focus would stay on a Next button that is gone.
 * A page the browser loads itself (first visit, reload, scripts off) keeps the browser's focus and the
 * skip link.
 */
export function StepFocus({ target }: { target: string }) {
  useEffect(() => {
    if (!navigated) {
      navigated = true;
      return;
    }
    document.getElementById(target)?.focus();
  }, [target]);
  return null;
}
