import { headers } from "next/headers";
import { connection } from "next/server";
import { env } from "@/lib/env";

type Template = { html: string; nonce: string };
let template: Promise<Template | null> | undefined;

/**
 * The dynamic baseline's HTML as rendered once, with the nonce it was rendered with (from its CSP header).
 * Fetched with the caller's cookie and without following redirects: proxy.ts sends a request without a
 * session to sign-in, and a capture that followed it measured the sign-in page as the "static" baseline
 * (issue 23). Only the baseline page itself is kept.
 */
async function capture(url: string, cookie: string | null): Promise<Template | null> {
  const res = await fetch(url, { cache: "no-store", redirect: "manual", headers: cookie ? { cookie } : {} });
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
  const html = await res.text();
  return res.status === 200 && nonce && html.includes("Dynamic baseline: rendered per request") ? { html, nonce } : null;
}

/**
 * The static baseline (bench only): the baseline page's HTML rendered once and served as is, the way a
 * cached page is, through the same proxy and under the same nonce CSP as every page. Only the nonce is
 * this request's (proxy.ts puts it in x-nonce), so its scripts run: a working page, unlike a page
 * prerendered at build time, whose scripts carry no nonce and are blocked by that CSP.
 */
export async function GET(request: Request) {
  await connection();
  if (!env().SCP_BENCH) return new Response("Not found", { status: 404 });
  template ??= capture(new URL("/bench/dynamic", request.url).toString(), request.headers.get("cookie"));
  const t = await template;
  if (!t) {
    template = undefined;
    return new Response("The dynamic baseline could not be captured.", { status: 503 });
  }
  const nonce = (await headers()).get("x-nonce") ?? "";
  return new Response(t.html.replaceAll(t.nonce, nonce), { headers: { "content-type": "text/html; charset=utf-8" } });
}
