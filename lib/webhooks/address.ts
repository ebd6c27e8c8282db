import { errorKey, v } from "@/lib/message-keys";
import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env, isProduction } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Webhooks never call internal addresses (SSRF): loopback, private, link-local (cloud metadata at
// 169.254.169.254), CGNAT, multicast and reserved ranges are refused when the endpoint is saved and again
// at every delivery, where the connection goes to the very address that was checked (no DNS rebinding).

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");
const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** Tests only: SCP_WEBHOOKS_ALLOW_LOOPBACK=1 lets loopback (and plain http to it) through; never in production. */
export function loopbackAllowed(): boolean {
  return env().SCP_WEBHOOKS_ALLOW_LOOPBACK && !isProduction();
}

export function isForbiddenAddress(address: string): boolean {
  let ip = address;
  // IPv4-mapped IPv6 ("::ffff:10.0.0.1", which URL writes "::ffff:a00:1") is judged as the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (mapped) ip = mapped[1];
  else if (mappedHex) {
    const [hi, lo] = [parseInt(mappedHex[1], 16), parseInt(mappedHex[2], 16)];
    ip = [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  }
  const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
  if (loopbackAllowed() && loopback.check(ip, family)) return false;
  return blocked.check(ip, family);
}

const refusal = errorKey("urlInternal");

/** Checks the URL's form (https; http only to loopback in tests) and resolves its host: every address must be public. */
export async function resolveWebhookTarget(raw: string): Promise<{ url: URL; address: string; family: 4 | 6 }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("invalid", errorKey("invalid"), { url: v("urlInvalidHttps") });
  }
  const testLoopback = loopbackAllowed() && url.protocol === "http:";
  if (url.protocol !== "https:" && !testLoopback) {
    throw new AppError("invalid", errorKey("invalid"), { url: errorKey("urlHttps") });
  }
  if (url.username || url.password) {
    throw new AppError("invalid", errorKey("invalid"), { url: errorKey("urlNoCredentials") });
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  } catch {
    throw new AppError("invalid", errorKey("invalid"), { url: errorKey("hostNotFound") });
  }
  if (addresses.length === 0 || addresses.some((a) => isForbiddenAddress(a.address))) {
    throw new AppError("invalid", errorKey("invalid"), { url: refusal });
  }
  if (testLoopback && !addresses.every((a) => loopback.check(a.address, a.family === 6 ? "ipv6" : "ipv4"))) {
    throw new AppError("invalid", errorKey("invalid"), { url: errorKey("urlHttps") });
  }
  return { url, address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}
