/** `%`, `_` and `\` typed into a search box are characters to find, never LIKE wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** LIKE patterns for text anywhere in a value, and at its start (IDs are searched by prefix). */
export const containing = (text: string): string => `%${escapeLike(text)}%`;
export const startingWith = (text: string): string => `${escapeLike(text)}%`;
