import { useEffect, useRef, type RefObject } from "react";

/**
 * When `key` changes (a new step of a wizard), moves keyboard focus to the first heading or legend inside
 * `container`, so a keyboard or screen-reader user starts the new step at its title instead of on a button
 * that is gone, or on the page's body. Not on the first render: a page load keeps the browser's own focus.
 */
export function useFocusHeading(key: unknown): RefObject<HTMLDivElement | null> {
  const container = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = container.current?.querySelector<HTMLElement>("h1, h2, h3, legend");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [key]);
  return container;
}
