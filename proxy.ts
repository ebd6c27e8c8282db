import { NextResponse, type NextRequest } from "next/server";

/**
 * Headers and optimistic redirects only. Every page and action checks the session itself
 * (lib/session.ts), so bypassing or removing this file exposes nothing (SECURITY.md 17).
 */
export function proxy(request: NextRequest) {
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
  // The activation not-found page reads the token here (lib/activation/current-link.ts); always set
  // or removed by the proxy, so a client cannot choose it.
  const activation = /^\/activate\/([^/]+)$/.exec(pathname);
  if (activation) requestHeaders.set("x-activation-token", activation[1]);
  else requestHeaders.delete("x-activation-token");
  const signedIn = request.cookies.getAll().some((c) => c.name.includes("authjs.session-token"));
  const isPublic =
    pathname.startsWith("/sign-in") || pathname.startsWith("/activate") || pathname.startsWith("/api/auth") || pathname.startsWith("/dev/") || pathname === "/icon.svg";
  const response =
    !signedIn && !isPublic && pathname !== "/"
      ? NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(pathname + search)}`, request.url))
      : NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
