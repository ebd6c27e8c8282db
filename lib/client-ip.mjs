// Plain JavaScript: shared by the custom server (scripts/server.mjs, run by Node without a compiler) and the
// app (lib/request-info.ts). SECURITY.md 32: the client IP comes from the socket, or from the N-th
// X-Forwarded-For entry from the right behind N trusted proxies; a client-sent header never changes it.
import { randomUUID } from "node:crypto";
import { isIP } from "node:net";

/** Set by the custom server on every request, after deleting whatever the client sent under this name. */
export const CLIENT_IP_HEADER = "x-scp-client-ip";
export const MAX_PROXY_HOPS = 10;

const TRUSTED = Symbol.for("scp.client-ip-header-trusted");

/**
 * Called by the custom server at start. The app trusts CLIENT_IP_HEADER only in a process where the
 * server that overwrites it runs: under a plain `next start` a client could send the header itself.
 */
export function trustClientIpHeader() {
  /** @type {Record<symbol, unknown>} */ (globalThis)[TRUSTED] = true;
}

/** @returns {boolean} */
export function isClientIpHeaderTrusted() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[TRUSTED] === true;
}

/**
 * TRUSTED_PROXY_HOPS: how many reverse proxies stand in front of the app (0 = clients connect directly).
 * @param {string | undefined} raw
 * @returns {number}
 */
export function parseProxyHops(raw) {
  if (raw === undefined || raw === "") return 0;
  if (!/^\d{1,2}$/.test(raw.trim()) || Number(raw) > MAX_PROXY_HOPS) {
    throw new Error(
      `TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_PROXY_HOPS} (the number of reverse proxies in front of the app); got "${raw}".`,
    );
  }
  return Number(raw);
}

/**
 * A bare IP address, or null: strips an IPv4-mapped IPv6 prefix, brackets and a port some proxies append.
 * @param {string | undefined | null} value
 * @returns {string | null}
 */
export function normalizeIp(value) {
  if (!value) return null;
  let v = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  if (v.toLowerCase().startsWith("::ffff:") && isIP(v.slice(7)) === 4) v = v.slice(7);
  return isIP(v) ? v.toLowerCase() : null;
}

/**
 * The client's address. The socket is the nearest hop; each trusted proxy appended the address it saw to
 * X-Forwarded-For, so with N hops the client is the N-th entry from the right. Entries further left were
 * written by the client and are never read. A missing or malformed entry stops the walk at the nearest
 * address already established, so the answer is always an address some trusted hop really saw.
 * @param {{ socketAddress: string | undefined | null, forwardedFor: string | string[] | undefined | null, hops: number }} input
 * @returns {string}
 */
export function clientIp({ socketAddress, forwardedFor, hops }) {
  let ip = normalizeIp(socketAddress) ?? "unknown";
  if (hops <= 0 || ip === "unknown") return ip;
  const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = joined.split(",");
  for (let i = 1; i <= hops; i++) {
    const next = normalizeIp(entries[entries.length - i]);
    if (!next) break;
    ip = next;
  }
  return ip;
}

/** Request ids: the proxy's when TRUSTED_PROXY_HOPS > 0, else generated. Sent back in the response too. */
export const REQUEST_ID_HEADER = "x-request-id";
const REQUEST_ID = /^[A-Za-z0-9._:@+=-]{1,128}$/;

/**
 * The request's id. A trusted proxy's X-Request-Id ties this line to the proxy's own logs; without a trusted
 * proxy any such header was written by the client, so a fresh one is generated (a client choosing ids could
 * make its requests look like someone else's in the logs). A malformed header is replaced, never echoed.
 * @param {{ incoming: string | string[] | undefined | null, hops: number }} input
 * @returns {string}
 */
export function requestIdFor({ incoming, hops }) {
  const value = Array.isArray(incoming) ? incoming[incoming.length - 1] : incoming;
  return hops > 0 && value && REQUEST_ID.test(value) ? value : randomUUID();
}
