import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { createApiKey } from "@/lib/api/api-keys";
import { openApiDocument } from "@/lib/api/openapi";
import type { Viewer } from "@/lib/accounts/viewer";
import { db } from "./factories";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
type Handler = (request: Request, route: { params: Promise<any> }) => Promise<Response>;
type Module = Partial<Record<"GET" | "POST" | "DELETE", Handler>>;

/** Each /api/v1 route file by its OpenAPI path template. */
const routes: [string, () => Promise<Module>][] = [
  ["/agreements", () => import("@/app/api/v1/agreements/route")],
  ["/agreements/{publicId}", () => import("@/app/api/v1/agreements/[publicId]/route")],
  ["/agreements/{publicId}/versions", () => import("@/app/api/v1/agreements/[publicId]/versions/route")],
  [
    "/agreements/{publicId}/versions/{number}/activate",
    () => import("@/app/api/v1/agreements/[publicId]/versions/[number]/activate/route"),
  ],
  ["/contracts", () => import("@/app/api/v1/contracts/route")],
  ["/contracts/{publicId}", () => import("@/app/api/v1/contracts/[publicId]/route")],
  ["/contracts/{publicId}/email-link", () => import("@/app/api/v1/contracts/[publicId]/email-link/route")],
  ["/contracts/{publicId}/regenerate-link", () => import("@/app/api/v1/contracts/[publicId]/regenerate-link/route")],
  ["/contracts/{publicId}/extend-expiry", () => import("@/app/api/v1/contracts/[publicId]/extend-expiry/route")],
  ["/contracts/{publicId}/terminate", () => import("@/app/api/v1/contracts/[publicId]/terminate/route")],
  ["/contracts/{publicId}/history", () => import("@/app/api/v1/contracts/[publicId]/history/route")],
  ["/partners", () => import("@/app/api/v1/partners/route")],
  ["/partners/{publicId}", () => import("@/app/api/v1/partners/[publicId]/route")],
  ["/events", () => import("@/app/api/v1/events/route")],
];

export const documentedPaths = routes.map(([p]) => p);

function match(path: string): { template: string; load: () => Promise<Module>; params: Record<string, string> } {
  const pathname = path.split("?")[0];
  for (const [template, load] of routes) {
    const names: string[] = [];
    const re = new RegExp(`^${template.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), "([^/]+)"))}$`);
    const m = re.exec(pathname);
    if (m) return { template, load, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  throw new Error(`no route for ${path}`);
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openApiDocument() as object, "openapi");
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export type ApiAnswer = { status: number; body: unknown; headers: Headers; template: string };
/** Every answer the suite received, checked against the document as it arrives. */
export const validated: { method: string; template: string; status: number }[] = [];

/**
 * Calls a route handler as Next would (a Request, params as a promise) and validates the answer against
 * the OpenAPI document: the status must be documented for the operation, and the body must match its schema.
 */
export async function api(
  method: "GET" | "POST" | "DELETE",
  path: string,
  opts: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const { template, load, params } = match(path);
  const handler = (await load())[method];
  if (!handler) throw new Error(`${method} ${template} is not a route`);
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (opts.body !== undefined) headers["content-type"] ??= "application/json";
  const request = new Request(`http://localhost:3000/api/v1${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  const operation = openApiDocument().paths?.[template]?.[method.toLowerCase() as "get"];
  expect(operation, `${method} ${template} is in the document`).toBeTruthy();
  const documented = operation!.responses?.[String(response.status)];
  expect(documented, `${method} ${template} answered ${response.status}, which the document does not list: ${text}`).toBeTruthy();
  const type = response.status === 204 ? null : (response.headers.get("content-type") ?? "").split(";")[0];
  if (type === null) expect(text).toBe("");
  else {
    const ref = `openapi#/${pointer("paths", template, method.toLowerCase(), "responses", String(response.status), "content", type, "schema")}`;
    const validate = ajv.getSchema(ref);
    expect(validate, `no schema for ${type} at ${ref}`).toBeTruthy();
    const ok = validate!(body);
    expect(ok, `${method} ${path} ${response.status}: ${ajv.errorsText(validate!.errors)}\n${text.slice(0, 500)}`).toBe(true);
  }
  validated.push({ method, template, status: response.status });
  return { status: response.status, body, headers: response.headers, template };
}

export async function keyFor(who: { viewer: Viewer }, scope: "read" | "write" = "write"): Promise<string> {
  return (await createApiKey(await db(), who.viewer, { name: `${scope} key`, scope })).key;
}
