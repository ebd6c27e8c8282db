import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { assertSameOrigin, getViewer } from "@/lib/session";

const YEAR = 365 * 86_400;

/**
 * POST /locale (locale, back): the language switchers' one edge (issue 24), a plain form post, so it works
 * without JavaScript on the activation pages too. It sets the `scp-locale` cookie and, for a signed-in
 * user, their setting (users.locale); "browser" clears both, and Accept-Language decides again. Then it
 * goes back to the page (a path on this site only, lib/safe-redirect.ts).
 */
export async function POST(request: Request): Promise<Response> {
  try {
    await assertSameOrigin();
  } catch {
    return new Response(null, { status: 403 });
  }
  const form = await request.formData().catch(() => null);
  const choice = form?.get("locale");
  const back = safeCallbackUrl(form?.get("back"), "/");
  if (choice !== "browser" && !isLocale(choice)) return new Response("Unknown language.", { status: 400 });
  const viewer = await getViewer();
  if (viewer) {
    const db = await getDb();
    await db
      .update(users)
      .set({ locale: choice === "browser" ? null : choice })
      .where(eq(users.id, viewer.userId));
  }
  const secure = appUrl().startsWith("https:");
  const cookie =
    choice === "browser"
      ? `${LOCALE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
      : `${LOCALE_COOKIE}=${choice}; Path=/; Max-Age=${YEAR}; SameSite=Lax${secure ? "; Secure" : ""}`;
  return new Response(null, { status: 303, headers: { Location: back, "Set-Cookie": cookie, "Cache-Control": "no-store" } });
}
