import { AppError, type ErrorCode } from "@/lib/errors";
import { localizeFieldErrors, localizeMessage } from "@/lib/message-keys";
import "@/messages"; // registers every language's validation messages (lib/message-keys.ts)

/** RFC 9457 problem details: one shape for every error of /api/v1. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The app's error code (lib/errors.ts), or bad_request / internal. */
  code: ErrorCode | "bad_request" | "internal";
  /** Field messages, keyed like the forms' fields, with the forms' words. */
  errors?: Record<string, string>;
};

export const problemStatus: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 422,
  conflict: 409,
  stale: 409,
  expired: 409,
  rate_limited: 429,
};

const titles: Record<Problem["code"], string> = {
  unauthenticated: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not Found",
  invalid: "Unprocessable Content",
  conflict: "Conflict",
  stale: "Conflict",
  expired: "Conflict",
  rate_limited: "Too Many Requests",
  bad_request: "Bad Request",
  internal: "Internal Server Error",
};

/**
 * A problem document. `detail` and the field messages that are catalog messages (lib/message-keys.ts) are
 * written in `locale`, the language the client's Accept-Language picks (English by default); the title stays
 * the HTTP reason phrase.
 */
export function problemOf(code: Problem["code"], detail: string, status: number, errors?: Record<string, string>, locale = "en"): Problem {
  const fieldErrors = localizeFieldErrors(errors, locale);
  return {
    type: `urn:scp:problem:${code}`,
    title: titles[code],
    status,
    detail: localizeMessage(detail, locale),
    code,
    ...(fieldErrors ? { errors: fieldErrors } : {}),
  };
}

export function problemFromAppError(e: AppError, locale = "en"): Problem {
  return problemOf(e.code, e.message, problemStatus[e.code], e.fieldErrors, locale);
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), {
    status: p.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}
