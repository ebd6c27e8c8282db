import { v } from "@/lib/message-keys";

/**
 * PostgreSQL text cannot hold U+0000: a NUL reaching a query fails it with a database error (a generic
 * "something went wrong" instead of a message next to the field). Text fields refuse it in their schema.
 */
export const hasNoNul = (value: string): boolean => !value.includes("\u0000");

/** A catalog key (messages/<locale>/validation.json), translated where it is shown (lib/message-keys.ts). */
export const NUL_MESSAGE = v("nul");

/** Search boxes and lookups drop it instead: there is nothing to correct, nothing can match it. */
export const withoutNul = (value: string): string => value.replace(/\u0000/g, "");
