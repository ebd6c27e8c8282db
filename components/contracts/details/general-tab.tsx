import Link from "next/link";
import { useTranslations } from "next-intl";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { safeUrl } from "@/components/markdown";
import { CachedMarkdown } from "@/components/markdown-html";
import { Badge, Card } from "@/components/ui/layout";
import type { ContractDetails, DetailsMode } from "@/lib/contracts/get-contract-details";
import { RelativeTime } from "@/components/ui/relative-time";
import type { FollowUpInfo } from "@/lib/follow-up/get-follow-up";
import { CopyLink } from "./copy-link";
import { NoteEditor } from "./note-editor";
import type { DetailsActions } from "./types";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-border py-4 last:border-0 sm:grid-cols-4">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="sm:col-span-3">{children}</dd>
    </div>
  );
}

export function GeneralTab({
  contract: c,
  mode,
  viewAgreement,
  basePath,
  onEditNote,
  followUp,
  signeeLocale,
}: {
  signeeLocale?: Locale;
  followUp?: FollowUpInfo | null;
  contract: ContractDetails;
  mode: DetailsMode;
  viewAgreement: boolean;
  basePath: string;
  onEditNote?: DetailsActions["editNote"];
}) {
  const t = useTranslations("ContractDetails");
  const common = useTranslations("Common");
  return (
    <Card>
      <dl>
        {mode === "issuer" && c.status === "pending" ? (
          <Row label={t("activationLink")}>
            {c.activationLink ? (
              <CopyLink link={c.activationLink} />
            ) : (
              <p className="text-sm text-muted-foreground">{t("linkExpiredRegenerate")}</p>
            )}
          </Row>
        ) : null}
        <Row label={t("noteToSignee")}>
          <NoteEditor
            publicId={c.publicId}
            note={c.noteToSignee}
            editable={mode === "issuer" && c.status === "pending" && Boolean(onEditNote)}
            onSave={onEditNote}
          />
        </Row>
        <Row label={t("agreement")}>
          <p className="text-sm text-foreground">
            {c.agreement.name} <span className="font-mono text-xs text-muted-foreground">{c.agreement.publicId}</span>
          </p>
          <p className="text-sm text-muted-foreground">{t("version", { number: c.agreement.versionNumber })}</p>
          {viewAgreement ? (
            <div className="mt-3 rounded-md border border-border bg-muted p-4">
              {c.agreement.contentKind === "link" ? (
                <a className="text-link underline" href={safeUrl(c.agreement.content)} rel="noopener noreferrer nofollow" target="_blank">
                  {t("openDocument")}
                </a>
              ) : (
                <CachedMarkdown>{c.agreement.content}</CachedMarkdown>
              )}
              <Link href={`${basePath}?tab=general`} className="mt-3 inline-block text-sm text-link underline">
                {t("hideAgreement")}
              </Link>
            </div>
          ) : (
            <Link href={`${basePath}?tab=general&view=agreement`} className="mt-1 inline-block text-sm text-link underline">
              {t("viewVersion", { number: c.agreement.versionNumber })}
            </Link>
          )}
        </Row>
        <Row label={t("kind")}>
          <Badge tone={c.kind === "test" ? "test" : "neutral"}>{common(`kind.${c.kind}`)}</Badge>
        </Row>
        {mode === "issuer" ? (
          <Row label={t("internalNote")}>
            <p className="text-sm text-foreground">{c.internalNote ?? "—"}</p>
          </Row>
        ) : null}
        {mode === "issuer" && signeeLocale ? (
          <Row label={t("signeeLocale")}>
            <p className="text-sm text-foreground" data-testid="signee-locale">
              {LOCALE_NAMES[signeeLocale]}
            </p>
          </Row>
        ) : null}
        {c.signeeEmail && mode === "issuer" && c.status === "pending" ? (
          <Row label={t("signeeEmail")}>
            <p className="text-sm text-foreground">{c.signeeEmail}</p>
          </Row>
        ) : null}
        {mode === "issuer" && followUp ? (
          <>
            <Row label={t("opened")}>
              <OpenedSummary info={followUp} />
            </Row>
            {c.status === "pending" ? (
              <Row label={t("reminders")}>
                <p className="text-sm text-foreground">
                  {followUp.remindersEnabled ? t("remindersOn") : t("remindersOff")}
                  {followUp.remindersSent > 0 ? ` · ${t("remindersSent", { count: followUp.remindersSent })}` : ""}
                </p>
              </Row>
            ) : null}
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/** "Opened": first and last time a person's browser showed the activation page, how often, and from where. */
function OpenedSummary({ info }: { info: FollowUpInfo }) {
  const t = useTranslations("ContractDetails");
  if (!info.firstOpenedAt) return <p className="text-sm text-muted-foreground">{t("notOpened")}</p>;
  return (
    <div className="space-y-1 text-sm text-foreground">
      <p>
        {t("openedCount", { count: info.openCount })} <RelativeTime date={info.firstOpenedAt} />
        {info.lastOpenedAt && info.openCount > 1 ? (
          <>
            , {t("openedLast")} <RelativeTime date={info.lastOpenedAt} />
          </>
        ) : null}
      </p>
      {info.lastOpenIp || info.lastOpenUserAgent ? (
        <p className="break-words text-xs text-muted-foreground">
          {t("lastFrom", { ip: info.lastOpenIp ?? t("unknownAddress") })}
          {info.lastOpenUserAgent ? ` · ${info.lastOpenUserAgent}` : ""}
        </p>
      ) : null}
    </div>
  );
}
