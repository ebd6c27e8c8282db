import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The /_next/static/… scripts a page's HTML loads on first visit (deduplicated, in order). */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) {
    const src = m[1].replace(/&amp;/g, "&");
    const clean = src.split(/[?#]/)[0];
    if (clean.startsWith("/_next/static/") && !out.includes(clean)) out.push(clean);
  }
  return out;
}

/** The path inside the dist dir for a /_next/static/ URL (URL-encoded segments decoded), or null. */
export function staticFilePath(distDir: string, src: string): string | null {
  const rest = src.replace(/^\/_next\/static\//, "");
  const decoded = rest.split("/").map(decodeURIComponent);
  if (decoded.some((s) => s === ".." || s === "")) return null;
  return path.join(distDir, "static", ...decoded);
}

/** Sum of the gzip sizes (level 9) of the chunks the page loads, read from the build's output. */
export async function firstLoadJsGzip(distDir: string, html: string): Promise<{ bytes: number; chunks: number }> {
  let bytes = 0;
  const srcs = scriptSources(html);
  for (const src of srcs) {
    const file = staticFilePath(distDir, src);
    if (!file) continue;
    bytes += gzipSync(await readFile(file), { level: 9 }).length;
  }
  return { bytes, chunks: srcs.length };
}
