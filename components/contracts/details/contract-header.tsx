import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { RelativeTime, relativeTimeHtml } from "@/components/ui/relative-time";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import Link from "next/link";
import { formatDate } from "@/lib/format";
import { markup, type MarkupPart } from "@/lib/html";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { localizeMessage } from "@/lib/message-keys";
import { useLocale } from "next-intl";

// The summary's items are written as markup (lib/html.ts escapes every value): read-only text that the
// server would otherwise serialise twice as some forty elements, in the RSC payload and the HTML (issue 23).
const item = (label: string, value: MarkupPart) =>
  markup`<div class="min-w-0"><dt class="text-xs font-medium text-muted-foreground">${label}</dt><dd class="mt-1 break-words text-sm text-foreground">${value}</dd></div>`;
const withId = (name: string, publicId: string) => markup`${name} <span class="font-mono text-xs text-muted-foreground">${publicId}</span>`;

/** The page title (the contract's one h1) with its status, its actions, then ID, dates, Issuer and Signee as the manual lists them. */
type HeaderProps = { contract: ContractDetails; actions?: ReactNode; mode?: "issuer" | "owner" };

export function ContractHeader(props: HeaderProps) {
  // An element, not the body itself: its words come from hooks, so it renders under the caller's provider.
  return <Header {...props} />;
}

function Header({ contract: c, actions, mode = "issuer" }: HeaderProps) {
  const t = useTranslations("ContractDetails");
  const common = useTranslations("Common");
  const l = useLocale();
  const locale = isLocale(l) ? l : "en";
  return (
    <div className="mb-6 space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <h1 className="break-words text-2xl font-semibold tracking-tight text-foreground">{t("heading", { id: c.publicId })}</h1>
          <Badge tone={c.status}>{common(`status.${c.status}`)}</Badge>
          <Badge tone={c.kind === "test" ? "test" : "neutral"}>{common(`kind.${c.kind}`)}</Badge>
        </div>
        {actions}
      </div>
      <dl
        className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-lg border border-border bg-card p-5 shadow-sm sm:grid-cols-4"
        dangerouslySetInnerHTML={{ __html: summary(c, t, common, locale).html }}
      />
      <EndReason contract={c} />
      <Chain contract={c} mode={mode} />
    </div>
  );
}

type Words = ReturnType<typeof useTranslations>;

function summary(c: ContractDetails, t: Words, common: Words, locale: Locale) {
  const now = new Date();
  const endDate = c.endsAt
    ? markup`<span title="${t("endDateTitle")}">${formatDate(c.endsAt, locale)}</span>`
    : c.status === "active" || c.status === "pending"
      ? t("noEndDate")
      : "—";
  return markup`${[
    item(t("status"), common(`status.${c.status}`)),
    item(t("id"), markup`<span class="font-mono">${c.publicId}</span>`),
    item(t("created"), relativeTimeHtml(c.createdAt, locale, now)),
    item(t("updated"), relativeTimeHtml(c.updatedAt, locale, now)),
    item(
      t("expiration"),
      c.status === "pending"
        ? [
            relativeTimeHtml(c.linkExpiresAt, locale, now),
            c.linkExpired ? markup`<span class="ml-2 font-medium text-destructive-text">${t("linkExpired")}</span>` : null,
          ]
        : "—",
    ),
    item(t("endDate"), endDate),
    item(t("issuer"), withId(c.issuer.name, c.issuer.publicId)),
    item(t("signee"), localizeMessage(c.signee, locale)),
    c.owner ? item(t("partner"), withId(c.owner.name, c.owner.publicId)) : null,
  ]}`;
}

/** Why a contract ended, and when: shown where its status is, not only in History. */
function EndReason({ contract: c }: { contract: ContractDetails }) {
  const t = useTranslations("ContractDetails");
  const common = useTranslations("Common");
  const l = useLocale();
  const locale = isLocale(l) ? l : "en";
  const ended =
    c.status === "rejected"
      ? { word: common("status.rejected"), at: c.rejectedAt, reason: c.rejectionReason }
      : c.status === "terminated"
        ? { word: common("status.terminated"), at: c.terminatedAt, reason: c.terminationReason }
        : c.status === "expired"
          ? {
              word: common("status.expired"),
              at: c.expiredAt,
              reason: c.endsAt ? t("endDatePassed", { date: formatDate(c.endsAt, locale) }) : null,
            }
          : null;
  if (!ended) return null;
  return (
    <p className="rounded-lg border border-border bg-card px-5 py-3 text-sm text-foreground shadow-sm" data-testid="end-reason">
      {ended.word} <RelativeTime date={ended.at} />
      {ended.reason ? (
        <>
          . {t("reason")} <span className="whitespace-pre-wrap break-words">{ended.reason}</span>
        </>
      ) : null}
    </p>
  );
}

/** Issue 21: the Test → Production chain, and a promotion waiting for the partner. */
function Chain({ contract: c, mode }: { contract: ContractDetails; mode: "issuer" | "owner" }) {
  const t = useTranslations("ContractDetails");
  const pending = c.proposals.find((p) => p.kind === "promotion");
  if (!c.promotedFrom && !c.promotedTo && !pending) return null;
  const link = (publicId: string) => (
    // Relative: the same screen (issuer's or reseller's) of the other contract.
    <Link href={publicId} className="font-mono text-link hover:underline">
      {publicId}
    </Link>
  );
  return (
    <div className="space-y-1 rounded-lg border border-border bg-card px-5 py-3 text-sm text-foreground shadow-sm" data-testid="promotion">
      {c.promotedTo ? <p>{t.rich("promotedTo", { id: c.promotedTo, link: () => link(c.promotedTo!) })}</p> : null}
      {c.promotedFrom ? <p>{t.rich("promotedFrom", { id: c.promotedFrom, link: () => link(c.promotedFrom!) })}</p> : null}
      {pending ? (
        <p>
          {mode === "issuer" ? t("promotionWaiting") : t("promotionReview")} ({t("expires")} <RelativeTime date={pending.expiresAt} />
          ).
        </p>
      ) : null}
    </div>
  );
}
