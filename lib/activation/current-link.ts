import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { resolveActivationLink, type LinkState } from "./resolve-activation-link";

/** The link of this request, resolved once and shared by the /activate/[token] layout and page. */
export const resolveLinkOnce = cache(async (token: string): Promise<LinkState> => resolveActivationLink(await getDb(), token));

/**
 * The link state this request's layout resolved, for its not-found page: Next gives a not-found page
 * no params, and a closed link is answered with that page's 404 status and its own words.
 */
export const currentLink = cache((): { state: LinkState["state"] | null } => ({ state: null }));
