// What the custom server (scripts/server.mjs) does to each request before Next sees it. Kept apart so
// tests/unit/server-request.test.ts can run it on plain objects.
import { CLIENT_IP_HEADER, clientIp, REQUEST_ID_HEADER, requestIdFor } from "../lib/client-ip.mjs";

const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * @param {{ headers: Record<string, string | string[] | undefined>, rawHeaders?: string[], socket: { remoteAddress?: string } }} req
 * @param {{ setHeader: (name: string, value: string) => unknown }} res
 * @param {{ hops: number, appUrl?: string }} settings
 * @returns {{ ip: string, requestId: string }}
 */
export function prepareRequest(req, res, settings) {
  const ip = clientIp({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], hops: settings.hops });
  const requestId = requestIdFor({ incoming: req.headers[REQUEST_ID_HEADER], hops: settings.hops });
  // With no trusted proxy, every X-Forwarded-* header was written by the client: Next then fills them
  // from the socket itself (node_modules/next/dist/server/base-server.js only sets them when absent).
  const drop = new Set(settings.hops === 0 ? [CLIENT_IP_HEADER, REQUEST_ID_HEADER, ...FORWARDED] : [CLIENT_IP_HEADER, REQUEST_ID_HEADER]);
  for (const name of drop) delete req.headers[name];
  if (req.rawHeaders) req.rawHeaders = withoutHeaders(req.rawHeaders, drop);
  req.headers[CLIENT_IP_HEADER] = ip;
  req.rawHeaders?.push(CLIENT_IP_HEADER, ip);
  req.headers[REQUEST_ID_HEADER] = requestId;
  req.rawHeaders?.push(REQUEST_ID_HEADER, requestId);
  res.setHeader("X-Request-Id", requestId);
  // Decided when the server starts, from the APP_URL it runs with, not when the app was built.
  if (isHttps(settings.appUrl)) res.setHeader("Strict-Transport-Security", HSTS);
  return { ip, requestId };
}

/** @param {string[]} raw @param {Set<string>} names */
function withoutHeaders(raw, names) {
  const kept = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (!names.has(raw[i].toLowerCase())) kept.push(raw[i], raw[i + 1]);
  return kept;
}

/** @param {string | undefined} url */
function isHttps(url) {
  try {
    return url !== undefined && new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}
