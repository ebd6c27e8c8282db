/**
 * Shows a success toast. sonner is loaded on first use, next to the lazily loaded <Toaster>, so it is not
 * part of any page's first-load JavaScript (docs/notes/bench.md, ratio 8); a toast raised before the
 * Toaster mounts is replayed when it does.
 */
export function notify(message: string): void {
  void import("sonner").then(({ toast }) => toast.success(message));
}
