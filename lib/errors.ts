export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "invalid" | "conflict" | "stale" | "rate_limited" | "expired";

const defaultMessages: Record<ErrorCode, string> = {
  unauthenticated: "Please sign in to continue.",
  forbidden: "You do not have permission to do that.",
  not_found: "Not found.",
  invalid: "Please correct the highlighted fields.",
  conflict: "That conflicts with existing data.",
  stale: "This was changed by someone else. Reload the page and try again.",
  rate_limited: "Too many attempts. Please wait a moment and try again.",
  expired: "This has expired.",
};

/** The one error model of the app: domain functions throw it, actions map it to the form. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fieldErrors?: Record<string, string>) {
    super(message ?? defaultMessages[code]);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
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
