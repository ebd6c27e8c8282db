import "server-only";
import { appUrl } from "@/lib/env";

const MAX_LENGTH = 2048;
// C0 controls and DEL: URL parsers drop tab and newlines silently ("/\t/evil.example" becomes
// "//evil.example"), and a newline in a Location header answers 500.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A redirect target taken from a request (SECURITY.md 33), as a path on this site, or `fallback`.
 * The value is parsed as a URL against APP_URL and kept only when its origin is APP_URL's; the answer
 * is the path, query and fragment, never something a browser could read as another host.
 */
export function safeCallbackUrl(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_LENGTH || CONTROL.test(value) || value.includes("\\"))
    return fallback;
  const base = new URL(appUrl());
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as a host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}

/** The same rule as an absolute URL on APP_URL (Auth.js's redirect callback wants one). */
export function safeAbsoluteRedirect(value: unknown, fallback = "/"): string {
  return new URL(safeCallbackUrl(value, fallback), appUrl()).toString();
}
