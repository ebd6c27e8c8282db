import { CachedMarkdown } from "@/components/markdown-html";
import { TabNav } from "@/components/ui/layout";
import type { VersionLanguageText } from "@/lib/agreements/version-texts";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locales";
import { AgreementText } from "./agreement-text";

type Props = {
  /** The version's own text, the one every reader without a text in their language sees. */
  content: string;
  kind: "markdown" | "link";
  texts: VersionLanguageText[];
  /** The `text` search parameter: a language of the version, else the main text. */
  selected: string | undefined;
  /** The URL of the version shown, to which `text=<locale>` is added. */
  href: string;
  words: { mainText: string; languages: string; agreementText: string };
};

/**
 * A version's text on its agreement's page: with texts in other languages (issue 24), tabs "Main text" and
 * each language (links, so they work without JavaScript and can be shared), the chosen text rendered on the
 * server like the signee sees it (components/markdown-html.tsx).
 */
export function VersionTextsView({ content, kind, texts, selected, href, words }: Props) {
  if (kind === "link" || texts.length === 0) return <AgreementText content={content} kind={kind} />;
  const chosen = isLocale(selected) ? texts.find((x) => x.locale === selected) : undefined;
  const join = href.includes("?") ? "&" : "?";
  const tabs = [
    { key: "main", label: words.mainText, href },
    ...texts.map((x) => ({ key: x.locale, label: LOCALE_NAMES[x.locale], href: `${href}${join}text=${encodeURIComponent(x.locale)}` })),
  ];
  return (
    <div data-testid="version-texts">
      <TabNav tabs={tabs} current={chosen?.locale ?? "main"} label={words.languages} />
      <div
        tabIndex={0}
        aria-label={chosen ? `${words.agreementText} (${LOCALE_NAMES[chosen.locale]})` : words.agreementText}
        className="-mt-2 max-h-[32rem] overflow-y-auto rounded-md border border-border bg-muted px-5 py-4"
        data-testid="version-text"
      >
        <div lang={chosen?.locale}>
          <CachedMarkdown className="max-w-prose">{chosen?.content ?? content}</CachedMarkdown>
        </div>
      </div>
    </div>
  );
}
