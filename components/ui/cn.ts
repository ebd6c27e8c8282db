/** Joins class names, skipping empty ones (variants are whole classes, so no merging is needed). */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}
