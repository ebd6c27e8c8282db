/**
 * A form action's FormData as sent. A crafted request can pass any value instead (a string, null, an
 * object): that is read as an empty form, so the usual field messages answer it instead of a TypeError.
 */
export function formDataOf(input: unknown): FormData {
  return input instanceof FormData ? input : new FormData();
}
