import { errorKey } from "@/lib/message-keys";
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { canUsePartners, type Viewer } from "@/lib/accounts/viewer";
import { AppError } from "@/lib/errors";
import { logSecurity } from "@/lib/log";
import { requestInfo } from "@/lib/request-info";
import { ACCOUNT_COOKIE, requestData } from "@/lib/page-data";
import { mayOpenPartnersPath } from "@/lib/reseller/partners-access";
import { env } from "@/lib/env";

export { ACCOUNT_COOKIE };

/**
 * The data-access layer's gate: the signed-in user, re-read from the database on each request
 * (session version, memberships and permissions), or null. Cached per request; on a page that folds its
 * data into the viewer's statement, read by that statement (lib/page-data.ts).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => (await requestData()).viewer);

/** Where a user is sent when their account requires two-factor sign-in and they have not set it up. */
export const TWO_FACTOR_SETUP_PATH = "/settings/profile?required=two-factor";

/**
 * For pages: the viewer, or a redirect to sign-in that comes back here afterwards. A user whose account
 * requires two-factor sign-in and who has not set it up is sent to Your profile first; only the layouts
 * around that page and the page itself pass `twoFactorSetup` to open anyway.
 */
export async function requireViewer(returnTo: string, opts: { twoFactorSetup?: boolean } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (viewer.mustSetUpTwoFactor && !opts.twoFactorSetup) redirect(TWO_FACTOR_SETUP_PATH);
  return viewer;
}

/**
 * For Partners module pages: only accounts that may create agreements or contracts, and only the tabs
 * their permissions open (a reseller with program.create alone gets Agreements, not Contracts).
 */
export async function requirePartnersViewer(returnTo: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  if (!canUsePartners(viewer) || !mayOpenPartnersPath(viewer, returnTo)) {
    await logRefusal(viewer, returnTo);
    redirect("/");
  }
  return viewer;
}

/** For server actions: the viewer or a typed refusal (actions never redirect to sign-in mid-form). */
export async function requireActionViewer(): Promise<Viewer> {
  await assertSameOrigin();
  const viewer = await getViewer();
  if (!viewer) {
    const h = await headers();
    logSecurity("access.refused", { reason: "unauthenticated", ...requestInfo(h) });
    throw new AppError("unauthenticated");
  }
  return viewer;
}

/**
 * Server actions refuse a foreign Origin, "null" included (SECURITY.md 20). Next checks this too;
 * we do not rely on it alone, nor on proxy.ts.
 */
export async function assertSameOrigin(): Promise<void> {
  const h = await headers();
  const origin = h.get("origin");
  if (origin === null) return; // not a browser form post (server-to-server, tests)
  const allowed = new Set<string>();
  allowed.add(new URL(env().APP_URL).origin);
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (host) {
    const proto =
      h.get("x-forwarded-proto") ??
      (process.env.NODE_ENV === "production" && !host.startsWith("localhost") && !host.startsWith("127.") ? "https" : "http");
    allowed.add(`${proto}://${host}`);
    allowed.add(`http://${host}`);
  }
  if (!allowed.has(origin)) {
    logSecurity("access.refused", { reason: "origin", origin, ...requestInfo(h) });
    throw new AppError("forbidden", errorKey("crossSiteRefused"));
  }
}

export async function logRefusal(viewer: Viewer, what: string): Promise<void> {
  logSecurity("access.refused", {
    user: viewer.userPublicId,
    account: viewer.accountPublicId,
    what,
    ip: viewer.ip,
    userAgent: viewer.userAgent,
  });
}
