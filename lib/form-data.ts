/**
 * A form action's FormData as sent. A crafted request can pass any value instead (a string, null, an
 * object): that is read as an empty form, so the usual field messages answer it instead of a TypeError.
 */
export function formDataOf(input: unknown): FormData {
  return input instanceof FormData ? input : new FormData();
}

/**
 * What a server action received, as the object its schema parses: a posted form's text fields (a file
 * reads as empty text, a repeated name as its first value), a plain object as it is, and anything else
 * (a string, null, an array) as an empty form, so the caller gets field messages rather than one for
 * the whole input.
 */
export function formValues(input: unknown): Record<string, unknown> {
  if (input instanceof FormData) {
    return Object.fromEntries([...new Set(input.keys())].map((k) => [k, typeof input.get(k) === "string" ? input.get(k) : ""]));
  }
  if (typeof input === "object" && input !== null && !Array.isArray(input) && !(input instanceof Date))
    return input as Record<string, unknown>;
  return {};
}
