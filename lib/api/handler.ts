import "server-only";
import { getDb, type Db } from "@/db/client";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { negotiateLocale } from "@/lib/i18n/locales";
import { errorKey } from "@/lib/message-keys";
import { log, logSecurity } from "@/lib/log";
import { requestInfo } from "@/lib/request-info";
import { hitRateLimit } from "@/lib/security/rate-limit";
import { loadKeyViewer, touchApiKey, type ApiKeyViewer } from "./api-keys";
import { problemFromAppError, problemOf, problemResponse } from "./problem";
import type { ApiKeyScope } from "./schemas";

export type ApiContext<P> = { db: Db; viewer: Viewer; key: ApiKeyViewer; request: Request; url: URL; params: P };

/** What a handler answers: a JSON body with its status (200 unless said). */
export type ApiAnswer = { status?: number; body: unknown; headers?: Record<string, string> };

const MAX_BODY = 1_000_000;

/**
 * Every /api/v1 route: Bearer key only (cookies are never read, so there is nothing for a cross-site
 * request to ride on), a per-key limit in PostgreSQL, the scope the route needs, then the handler, which
 * calls the same lib/ domain functions as the forms with the key's Viewer. Any AppError becomes a problem
 * document with the form's code, message and field messages; anything else is logged and answered 500.
 */
export function apiRoute<P = Record<string, never>>(scope: ApiKeyScope, handle: (ctx: ApiContext<P>) => Promise<ApiAnswer>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    const info = requestInfo(request.headers);
    // Problems are English unless the client's Accept-Language picks another of our languages.
    const locale = negotiateLocale(request.headers.get("accept-language"));
    try {
      const db = await getDb();
      const auth = request.headers.get("authorization") ?? "";
      const bearer = /^Bearer ([^\s]+)$/i.exec(auth.trim())?.[1];
      const key = bearer ? await loadKeyViewer(db, bearer, info) : null;
      if (!key) {
        logSecurity("access.refused", { reason: bearer ? "api_key_unknown" : "api_key_missing", ...info });
        return problemResponse(problemOf("unauthenticated", errorKey("apiKeyMissing"), 401, undefined, locale), {
          "www-authenticate": 'Bearer realm="api"',
        });
      }
      const hit = await hitRateLimit(db, `api-key:${key.keyId}`, env().SCP_API_REQUESTS_PER_MINUTE, 60);
      if (!hit.allowed) {
        const retry = Math.max(1, Math.ceil((hit.resetAt.getTime() - Date.now()) / 1000));
        logSecurity("rate_limited", { what: "api", key: key.prefix, account: key.viewer.accountPublicId, ...info });
        return problemResponse(problemOf("rate_limited", errorKey("apiRateLimited", { retry }), 429, undefined, locale), {
          "retry-after": String(retry),
        });
      }
      await touchApiKey(db, key.keyId);
      if (scope === "write" && key.scope !== "write") {
        logSecurity("access.refused", { reason: "api_key_read_only", key: key.prefix, account: key.viewer.accountPublicId, ...info });
        return problemResponse(problemOf("forbidden", errorKey("apiReadOnly"), 403, undefined, locale));
      }
      const answer = await handle({ db, viewer: key.viewer, key, request, url: new URL(request.url), params: await route.params });
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { "content-type": "application/json", "cache-control": "no-store", ...answer.headers },
      });
    } catch (e) {
      if (isAppError(e)) return problemResponse(problemFromAppError(e, locale));
      if (e instanceof BadRequest) return problemResponse(problemOf("bad_request", e.message, 400, undefined, locale));
      log.error("api request failed", e, { path: new URL(request.url).pathname });
      return problemResponse(problemOf("internal", errorKey("internal"), 500, undefined, locale));
    }
  };
}

/** A malformed request; a catalog message (lib/message-keys.ts) is answered in the client's language. */
export class BadRequest extends Error {}

/** The request's JSON object body, or a 400 problem. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new BadRequest(errorKey("jsonContentType"));
  const text = await request.text();
  if (text.length > MAX_BODY) throw new BadRequest(errorKey("bodyTooLarge"));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadRequest(errorKey("bodyNotJson"));
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new BadRequest(errorKey("bodyNotObject"));
  return value as Record<string, unknown>;
}

/** Query parameters as a plain object (the list schemas coerce and clamp them like the tabs' URLs). */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** Throws the domain's own refusal when a check fails, e.g. assertMayManageContracts. */
export function authorize(viewer: Viewer, check: (v: Viewer) => void): void {
  check(viewer);
}

export { AppError };
