import { useTranslations } from "next-intl";
import { safeUrl } from "@/components/markdown";
import { CachedMarkdown } from "@/components/markdown-html";
import { Card } from "@/components/ui/layout";
import type { FormAction } from "@/lib/action-result";
import type { VersionText, VersionToSign } from "@/lib/reseller/get-version-to-sign";
import { SignVersionForm } from "./sign-version-form";
import { VersionDiff } from "./version-diff";

function Document({ title, version }: { title: string; version: VersionText }) {
  return (
    // A text in a language says so (lang), so screen readers read it in that language.
    <section
      aria-label={title}
      lang={version.textLocale === "default" ? undefined : version.textLocale}
      className="min-w-0 rounded-md border border-border p-4"
    >
      <h3 className="mb-2 text-sm font-semibold text-foreground">{title}</h3>
      {version.contentKind === "link" ? (
        <a href={safeUrl(version.content)} className="break-all text-link underline" rel="noopener noreferrer">
          {version.content}
        </a>
      ) : (
        <CachedMarkdown>{version.content}</CachedMarkdown>
      )}
    </section>
  );
}

/** The newer active version beside the signed one, what changed, and the Sign form. */
export function SignNewVersion({ contractPublicId, toSign, sign }: { contractPublicId: string; toSign: VersionToSign; sign: FormAction }) {
  const t = useTranslations("Reseller");
  const { current, next } = toSign;
  return (
    <Card className="mt-6 space-y-5">
      <h2 id="sign-version" className="text-lg font-semibold text-foreground">
        {t("signVersion", { version: next.number })}
      </h2>
      <VersionDiff before={current.content} after={next.content} fromNumber={current.number} toNumber={next.number} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Document title={t("versionSigned", { version: current.number })} version={current} />
        <Document title={t("versionNew", { version: next.number })} version={next} />
      </div>
      <SignVersionForm
        contractPublicId={contractPublicId}
        agreementVersionId={next.id}
        fromVersionId={current.id}
        versionNumber={next.number}
        textLocale={next.textLocale}
        sign={sign}
      />
    </Card>
  );
}
