import { NextResponse, type NextRequest } from "next/server";
import { statusOfLink } from "@/lib/activation/link-status";
import { statusOfInvitation } from "@/lib/people/link-status";
import { PAGE_PATH_HEADER } from "@/lib/page-path";

/**
 * Headers, optimistic redirects, and the status of a closed activation link's page. Every page and
 * action checks the session and the link itself (lib/session.ts), so bypassing or removing this file
 * exposes nothing (SECURITY.md 17).
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);

  const { pathname, search } = request.nextUrl;
  // Which page renders, for its single statement (lib/page-data.ts); never from the client, never for a post.
  requestHeaders.delete(PAGE_PATH_HEADER);
  if (request.method === "GET") requestHeaders.set(PAGE_PATH_HEADER, pathname + search);
  const signedIn = request.cookies.getAll().some((c) => c.name.includes("authjs.session-token"));
  const isPublic =
    pathname.startsWith("/sign-in") ||
    pathname.startsWith("/activate") ||
    pathname.startsWith("/join/") ||
    pathname === "/forgot-password" ||
    pathname === "/locale" ||
    pathname.startsWith("/reset-password/") ||
    pathname.startsWith("/brand/") ||
    pathname.startsWith("/api/auth") ||
    // The REST API authenticates each request by its Bearer key, never by cookie (lib/api/handler.ts);
    // its reference page holds no data.
    pathname.startsWith("/api/v1/") ||
    pathname === "/docs/api" ||
    pathname.startsWith("/dev/") ||
    // Certificates of acceptance are checked by anybody: the Verify page and the published key.
    pathname === "/verify" ||
    pathname === "/.well-known/scp-evidence-key" ||
    pathname === "/icon.svg" ||
    isProbe(pathname);
  // A closed link's page (rendered on the server, with its own words) answers 404 or 410, not 200.
  const activation = /^\/activate\/([^/]+)$/.exec(pathname);
  const join = /^\/join\/([^/]+)$/.exec(pathname);
  const reading = request.method === "GET" || request.method === "HEAD";
  const status = !reading ? null : activation ? await statusOfLink(activation[1]) : join ? await statusOfInvitation(join[1]) : null;
  const response =
    !signedIn && !isPublic && pathname !== "/"
      ? NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(pathname + search)}`, request.url))
      : NextResponse.next({ request: { headers: requestHeaders }, ...(status ? { status } : {}) });

  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/** Health and readiness probes answer load balancers and orchestrators, which never sign in. */
const isProbe = (pathname: string) => pathname === "/api/health" || pathname === "/api/ready";

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
