import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { translatorFor } from "@/lib/i18n/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import type { Permissions } from "@/lib/permissions";

// Issue 24: every email is written in its recipient's language. To a signee: the contract's signee_locale
// (picked by the issuer), or the signee user's own setting once they have an account; to a user: users.locale;
// else English. Emails are written without a request, so the language is always passed in.

/** A stored language (users.locale, contracts.signee_locale), or English when it is empty or unknown. */
export function localeOr(...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) if (isLocale(c)) return c;
  return DEFAULT_LOCALE;
}

/** The Email catalog (messages/<locale>/email.json) in a language. */
export function emailT(locale: Locale) {
  return translatorFor(locale, "Email");
}

const longFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A date as the emails word it, in the reader's language (UTC, like every date of the portal): "December 1, 2026". */
export function longDate(d: Date, locale: Locale = DEFAULT_LOCALE): string {
  let f = longFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, { dateStyle: "long", timeZone: "UTC" });
    longFormats.set(locale, f);
  }
  return f.format(d);
}

/** "[TEST] subject" for a test contract, in the reader's language. */
export function testSubject(locale: Locale, kind: string, subject: string): string {
  return kind === "test" ? emailT(locale)("testSubject", { subject }) : subject;
}

/** The language of the user with this email address (users.locale), else English: for account emails. */
export async function localeOfUser(db: DbOrTx, email: string): Promise<Locale> {
  const [row] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return localeOr(row?.locale);
}

/** The permissions a contract grants, one line each, in a language (the Permissions tab's words, "Activation.permission"). */
export function permissionLines(locale: Locale, p: Permissions): string[] {
  const t = translatorFor(locale, "Activation");
  const lines: string[] = [];
  if (p.agreement.program.create) lines.push(t("permission.program"));
  if (p.agreement.service.create) lines.push(t("permission.serviceCreate"));
  if (p.agreement.service.delegate) lines.push(t("permission.serviceDelegate"));
  return lines;
}
