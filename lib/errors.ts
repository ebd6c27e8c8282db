import { errorKey, localizeFieldErrors, localizeMessage } from "@/lib/message-keys";

export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "stale" | "rate_limited" | "expired";

/**
 * The one error model of the app: domain functions throw it, actions map it to the form. Its message and
 * field messages are English words, catalog messages (lib/message-keys.ts) where the code names them by
 * key; `inLocale` gives them in the reader's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fieldErrors?: Record<string, string>) {
    super(message ?? errorKey(code));
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  /** The message and field messages in a language (lib/i18n/locales.ts): catalog messages translated, others as they are. */
  inLocale(locale: string): { message: string; fieldErrors?: Record<string, string> } {
    return { message: localizeMessage(this.message, locale), fieldErrors: localizeFieldErrors(this.fieldErrors, locale) };
  }
}

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}

/** Postgres unique violation (both drivers report SQLSTATE 23505). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = findPgError(e);
  if (!err || err.code !== "23505") return false;
  return constraint === undefined || (err.constraint_name ?? err.constraint ?? "").includes(constraint);
}

type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string };

function findPgError(e: unknown): PgErrorLike | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === "object"; i++) {
    const c = cur as PgErrorLike & { cause?: unknown };
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) return c;
    cur = c.cause;
  }
  return undefined;
}
