import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ActivationReview } from "@/lib/activation/resolve-activation-link";
import { Download } from "lucide-react";
import { CachedMarkdown } from "@/components/markdown-html";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "./print-button";
import { permissionKeys } from "./permission-words";

/** What the reseller is asked to sign; rendered on the server and handed to the flow. */
export function ContractReview({ review }: { review: ActivationReview }): ReactNode {
  const t = useTranslations("Activation");
  const granted = permissionKeys(review.permissions).map((k) => t(`permission.${k}`));
  return (
    <div className="space-y-4">
      {review.kind === "test" ? (
        <div
          role="note"
          className="rounded-md border-2 border-purple-400 bg-purple-50 px-4 py-3 text-sm font-semibold text-purple-900 dark:bg-purple-400/10 dark:text-purple-100"
        >
          {t("testNote")}
        </div>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-muted-foreground">{t("distributor")}</dt>
        <dd className="font-medium">{review.distributorName}</dd>
        <dt className="text-muted-foreground">{t("agreement")}</dt>
        <dd className="font-medium">
          {review.agreementName} <span className="text-muted-foreground">{t("versionParen", { number: review.versionNumber })}</span>
        </dd>
        <dt className="text-muted-foreground">{t("contract")}</dt>
        <dd>{review.contractPublicId}</dd>
      </dl>
      <div>
        <h3 className="text-sm font-medium text-foreground">{t("noteToSignee")}</h3>
        <p className="mt-1 whitespace-pre-wrap rounded-md bg-muted px-3 py-2 text-sm text-foreground">{review.noteToSignee}</p>
      </div>
      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-sm font-medium text-foreground">{t("agreementText")}</h3>
          <div className="flex flex-wrap gap-2 print:hidden">
            {review.versionContentKind === "link" ? null : (
              <a
                href={`data:text/markdown;charset=utf-8,${encodeURIComponent(review.versionContent)}`}
                download={`${review.agreementName.replace(/[^\w.-]+/g, "-")}-version-${review.versionNumber}.md`}
                className={buttonClass("secondary", "sm")}
              >
                <Download aria-hidden="true" /> {t("download")}
              </a>
            )}
            <PrintButton />
          </div>
        </div>
        <div
          tabIndex={0}
          aria-label={t("agreementText")}
          className="mt-2 max-h-80 overflow-y-auto rounded-md border border-border bg-card px-4 print:max-h-none print:overflow-visible print:border-0 print:px-0"
        >
          {review.versionContentKind === "link" ? (
            <p className="my-3 text-sm">
              {t("publishedAt")}{" "}
              <a
                className="text-link underline"
                href={review.versionContent.startsWith("https://") ? review.versionContent : undefined}
                rel="noopener noreferrer nofollow"
                target="_blank"
              >
                {review.versionContent}
              </a>
            </p>
          ) : (
            <CachedMarkdown>{review.versionContent}</CachedMarkdown>
          )}
        </div>
      </div>
      <div>
        <h3 className="text-sm font-medium text-foreground">{t("permissionsHeading")}</h3>
        {granted.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm text-foreground">
            {granted.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-foreground">{t("noPermissions")}</p>
        )}
      </div>
    </div>
  );
}
