import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db/client";
import { resolveActivationLink, type LinkState } from "./resolve-activation-link";

/** The link of this request, resolved once per render (the page and its not-found page share it). */
export const resolveLinkOnce = cache(async (token: string): Promise<LinkState> => resolveActivationLink(await getDb(), token));

/** The request header proxy.ts sets to the token of an /activate/<token> request. */
export const ACTIVATION_TOKEN_HEADER = "x-activation-token";

/**
 * The state of the link this request is about, for the not-found page: Next gives a not-found page no
 * params (and may render it without the page), so proxy.ts passes the path's token in a request header.
 * Without it (the proxy bypassed) the answer is "invalid", never another link's state.
 */
export async function currentLinkState(): Promise<LinkState["state"]> {
  const token = (await headers()).get(ACTIVATION_TOKEN_HEADER);
  return token ? (await resolveLinkOnce(token)).state : "invalid";
}
