import "server-only";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";

const YEAR = 365 * 86_400;

/** The user's interface language setting (users.locale): a language, or null to follow the browser. */
export async function userLocaleSetting(db: DbOrTx, userId: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  return isLocale(row?.locale) ? row.locale : null;
}

/**
 * At sign-in (issue 24): the user's setting wins over the browser on every device. A setting sets the
 * `scp-locale` cookie; no setting clears it, so Accept-Language decides (app/locale/route.ts sets the same
 * cookie when the user changes the setting).
 */
export async function applyUserLocaleCookie(db: DbOrTx, userId: string): Promise<void> {
  const locale = await userLocaleSetting(db, userId);
  const jar = await cookies();
  if (locale === null) jar.delete(LOCALE_COOKIE);
  else jar.set(LOCALE_COOKIE, locale, { path: "/", maxAge: YEAR, sameSite: "lax", secure: appUrl().startsWith("https:") });
}
