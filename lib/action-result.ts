import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";

/** What every form action returns: ok with data, or a message and per-field messages. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(error) };
}

/**
 * Maps a thrown error to a form result: AppErrors keep their message; anything else is logged
 * and shown as a generic message (database errors never reach the user).
 */
export function failure(e: unknown): ActionResult<never> {
  if (isAppError(e)) return { ok: false, error: e.message, fieldErrors: e.fieldErrors };
  console.error(e);
  return { ok: false, error: "Something went wrong on our side. Nothing was changed; please try again." };
}

/** Parse FormData-ish input with a zod schema or throw an AppError carrying field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  return parsed.data;
}
