import type { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { errorKey, localizeFieldErrors, localizeMessage } from "@/lib/message-keys";
import "@/messages"; // registers every language's validation messages (lib/message-keys.ts)

/** What every action returns: ok with data, or a message and per-field messages. */
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * A server action as a client component receives it: passed down by the page, so components never
 * import from app/. A server action accepts anything a crafted request sends; I is what the form sends.
 */
export type Action<I, T = undefined> = (input: I) => Promise<ActionResult<T>>;

/** The same for a plain `<form action>` (works without JavaScript), in useActionState's shape. */
export type FormAction<T = undefined> = (previous: unknown, formData: FormData) => Promise<ActionResult<T>>;

export const INVALID_MESSAGE = errorKey("invalid");

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** An invalid-input result in a language (English unless given): field messages that are catalog keys are translated. */
export function invalid(error: z.ZodError, locale = "en"): ActionResult<never> {
  return { ok: false, error: localizeMessage(errorKey("invalid"), locale), fieldErrors: localizeFieldErrors(fieldErrorsOf(error), locale) };
}

/**
 * Maps a thrown error to a form result in the reader's language (English unless given): AppErrors keep
 * their message; anything else is logged and shown as a generic message (database errors never reach the user).
 */
export function failure(e: unknown, locale = "en"): ActionResult<never> {
  if (isAppError(e)) {
    const { message, fieldErrors } = e.inLocale(locale);
    return { ok: false, error: message, fieldErrors };
  }
  log.error("server action failed", e);
  return { ok: false, error: localizeMessage(errorKey("internal"), locale) };
}

/** Parse FormData-ish input with a zod schema or throw an AppError carrying field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, message = errorKey("invalid")): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", message, fieldErrorsOf(parsed.error));
  return parsed.data;
}
