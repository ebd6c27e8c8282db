import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * The message for a field of a form whose schema is a union (Create Partner's agreement choice):
 * react-hook-form types errors only for keys common to every branch, so look them up by name.
 */
export function errorOf<T extends FieldValues>(form: UseFormReturn<T>, name: string): string | undefined {
  const e = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name];
  return typeof e?.message === "string" ? e.message : undefined;
}
