import { Languages } from "lucide-react";
import { SubmitOnChangeSelect } from "@/components/ui/submit-on-change";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { getLocale, getT } from "@/lib/i18n/server";

/**
 * The visible language switcher (issue 24): a plain form post to /locale (app/locale/route.ts), applied on
 * change with JavaScript and by its button without. `back` is the path to return to; `browser` adds the
 * "Browser language" choice (a signed-in user's setting can go back to following the browser).
 */
export async function LanguageSwitcher({ back, browser = false, current }: { back: string; browser?: boolean; current?: Locale | null }) {
  const [locale, t] = await Promise.all([getLocale(), getT("Common")]);
  const selected = current === undefined ? locale : (current ?? "browser");
  return (
    <form method="post" action="/locale" className="flex items-center gap-1.5 text-sm">
      <input type="hidden" name="back" value={back} />
      <label className="flex items-center gap-1.5">
        <Languages aria-hidden className="size-4 text-muted-foreground" />
        <span className="sr-only">{t("language")}</span>
        <SubmitOnChangeSelect
          name="locale"
          defaultValue={selected}
          className="rounded-md border border-input bg-background px-2 py-1 text-sm"
        >
          {browser && <option value="browser">{t("browserLanguage")}</option>}
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </SubmitOnChangeSelect>
      </label>
      <noscript>
        <button type="submit" className="rounded-md border border-input px-2 py-1">
          {t("apply")}
        </button>
      </noscript>
    </form>
  );
}
