import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { currentSession } from "@/lib/current-session";

/**
 * Auth.js's endpoints, except the session one: Auth.js answers it from the token alone and re-issues
 * the cookie with a later expiry. Ours reports a session only when pages would accept it (sign-in time,
 * session version) and never extends it (SECURITY.md 37).
 */
const isSessionEndpoint = (request: NextRequest) => request.nextUrl.pathname.replace(/\/+$/, "").endsWith("/api/auth/session");

export async function GET(request: NextRequest) {
  return isSessionEndpoint(request) ? currentSession() : handlers.GET(request);
}

export async function POST(request: NextRequest) {
  return isSessionEndpoint(request) ? currentSession() : handlers.POST(request);
}
