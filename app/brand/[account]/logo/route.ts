import { getDb } from "@/db/client";
import { getLogo } from "@/lib/accounts/branding";

/**
 * An account's logo, public (activation pages and emails show it to people who are not signed in). Only
 * PNG, JPEG or WebP bytes are ever stored (checked by magic bytes at upload), served with their own type,
 * nosniff and a CSP that runs nothing, so even a crafted file is never a document.
 */
export async function GET(request: Request, { params }: { params: Promise<{ account: string }> }): Promise<Response> {
  const { account } = await params;
  const logo = await getLogo(await getDb(), account);
  const safety = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "cross-origin",
  };
  if (!logo)
    return new Response("Not found", {
      status: 404,
      headers: { ...safety, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  const etag = `"${logo.hash.slice(0, 32)}"`;
  // A URL carrying this logo's hash never changes meaning: cache it for a year; the bare URL for five minutes.
  const versioned = new URL(request.url).searchParams.get("v") === logo.hash.slice(0, 16);
  const headers = {
    ...safety,
    ETag: etag,
    "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
    "Content-Disposition": "inline",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), {
    status: 200,
    headers: { ...headers, "Content-Type": logo.type, "Content-Length": String(logo.bytes.length) },
  });
}
