import { CLIENT_IP_HEADER, isClientIpHeaderTrusted, normalizeIp, REQUEST_ID_HEADER } from "@/lib/client-ip.mjs";
import { log } from "@/lib/log";

let warned = false;

/**
 * Client IP and user agent. The IP is the one scripts/server.mjs computed from the socket and
 * TRUSTED_PROXY_HOPS (SECURITY.md 32); request headers a client can write are never read for it.
 */
export function requestInfo(h: Headers): { ip: string; userAgent: string } {
  return { ip: trustedIp(h), userAgent: (h.get("user-agent") ?? "").slice(0, 500) };
}

function trustedIp(h: Headers): string {
  if (!isClientIpHeaderTrusted()) {
    if (!warned && process.env.NODE_ENV === "production") {
      warned = true;
      log.warn(
        "The app was started without scripts/server.mjs (`npm start`): client IPs are unknown, so per-IP limits are shared by every client.",
      );
    }
    return "unknown";
  }
  return normalizeIp(h.get(CLIENT_IP_HEADER)) ?? "unknown";
}

/**
 * The request's id (X-Request-Id): set by scripts/server.mjs on every request, from the proxy's header when
 * TRUSTED_PROXY_HOPS > 0 or generated; it also goes back in the response and is on every log line.
 */
export function requestId(h: Headers): string | undefined {
  return isClientIpHeaderTrusted() ? (h.get(REQUEST_ID_HEADER) ?? undefined) : undefined;
}
