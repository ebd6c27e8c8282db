import { useTranslations } from "next-intl";
import { Markdown, safeUrl } from "@/components/markdown";

/** A version's document: rendered markdown in a scrollable box (in `lang`, for a text in another language), or the https link to it. */
export function AgreementText({ content, kind, lang }: { content: string; kind: "markdown" | "link"; lang?: string }) {
  const t = useTranslations("AgreementEditor");
  if (kind === "link") {
    const href = safeUrl(content.trim());
    return (
      <p className="text-sm">
        {t("hostedAt")}{" "}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-link underline">
            {content.trim()}
          </a>
        ) : (
          <span className="break-all">{content}</span>
        )}
      </p>
    );
  }
  return (
    <div
      tabIndex={0}
      aria-label={t("agreementText")}
      className="max-h-[32rem] overflow-y-auto rounded-md border border-border bg-muted px-5 py-4"
    >
      <div lang={lang}>
        <Markdown className="max-w-prose">{content}</Markdown>
      </div>
    </div>
  );
}
