import { createTranslator } from "next-intl";
import { isContractEvent, readAuditEvent, type ContractEvent } from "@/lib/audit/catalogue";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/messages";

type T = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<Locale, T>();
/** The History catalog (messages/<locale>/history.json) in a language; pure, so it runs anywhere. */
function historyT(locale: Locale): T {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({
      locale,
      messages: messagesFor(locale) as never,
      namespace: "History" as never,
      timeZone: "UTC",
    }) as unknown as T;
    translators.set(locale, t);
  }
  return t;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: Locale, style: "long" | "medium"): Intl.DateTimeFormat {
  const id = `${locale}:${style}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "en" ? "en-US" : locale, { dateStyle: style, timeZone: "UTC" });
    formats.set(id, f);
  }
  return f;
}

const text = (v: unknown) => (typeof v === "string" && v ? v : null);

/**
 * One plain sentence per history entry, in the viewer's language (pure, so it is unit-tested). Anything
 * but a language (no argument, or an index when passed straight to Array.map) is English.
 */
export function describeHistoryEntry(e: HistoryEntry, language?: unknown): string {
  const locale: Locale = isLocale(language) ? language : DEFAULT_LOCALE;
  const t = historyT(locale);
  if (e.source === "mail") {
    const what = t(Object.hasOwn(mailKinds, e.kind) ? `mail.kind.${e.kind}` : "mail.kind.other");
    const error = e.lastError ?? "";
    if (e.status === "sent") return t("mail.sent", { what, to: e.to });
    if (e.status === "cancelled")
      return error ? t("mail.cancelledWhy", { what, to: e.to, error }) : t("mail.cancelled", { what, to: e.to });
    if (e.status === "failed") return error ? t("mail.failedWhy", { what, to: e.to, error }) : t("mail.failed", { what, to: e.to });
    return t("mail.waiting", { what, to: e.to });
  }
  const event = readAuditEvent(e);
  return isContractEvent(event) ? describeContractEvent(event, t, locale) : fallbackWords(e.type);
}

/** Worded from the catalogue's types: a contract event without a sentence here fails the type check. */
function describeContractEvent(e: ContractEvent, t: T, locale: Locale): string {
  // Data comes back from the database: rows written before a field existed lack it.
  const day = (v: unknown) =>
    typeof v === "string" && !Number.isNaN(Date.parse(v)) ? dateFormat(locale, "medium").format(new Date(v)) : t("event.unknownDay");
  const longDay = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : dateFormat(locale, "long").format(new Date(iso)));
  const grants = (g: unknown) => grantWords(g, t);
  switch (e.type) {
    case "contract.created":
      return text(e.data.endsAt) ? t("event.createdEnding", { day: day(e.data.endsAt) }) : t("event.created");
    case "contract.link_emailed":
      return text(e.data.to) ? t("event.linkEmailedTo", { to: e.data.to }) : t("event.linkEmailed");
    case "contract.link_regenerated":
      return t("event.linkRegenerated");
    case "contract.link_expiry_extended":
      return text(e.data.from) && text(e.data.to)
        ? t("event.expiryExtendedFromTo", { from: longDay(e.data.from), to: longDay(e.data.to) })
        : t("event.expiryExtended");
    case "contract.opened": {
      const ip = text(e.data.ip);
      const agent = text(e.data.userAgent);
      if (ip && agent) return t("event.openedFromAgent", { ip, agent });
      if (ip) return t("event.openedFrom", { ip });
      if (agent) return t("event.openedAgent", { agent });
      return t("event.opened");
    }
    case "contract.note_edited":
      return t("event.noteEdited");
    case "contract.activated":
      return t("event.activated");
    case "contract.rejected":
      return text(e.data.reason) ? t("event.rejectedWhy", { reason: e.data.reason }) : t("event.rejected");
    case "contract.version_signed":
      return typeof e.data.version === "number" ? t("event.versionSigned", { version: e.data.version }) : t("event.newVersionSigned");
    case "contract.terminated":
      return text(e.data.reason) ? t("event.terminatedWhy", { reason: e.data.reason }) : t("event.terminated");
    case "contract.deleted":
      return t("event.deleted");
    case "contract.expired":
      return text(e.data.endsAt) ? t("event.expiredOn", { day: day(e.data.endsAt) }) : t("event.expired");
    case "contract.extended":
      return text(e.data.to)
        ? text(e.data.from)
          ? t("event.extendedFromTo", { from: day(e.data.from), to: day(e.data.to) })
          : t("event.extendedTo", { to: day(e.data.to) })
        : t("event.extended");
    case "contract.permissions_narrowed":
      return t("event.permissionsNarrowed", { grants: grants(e.data.after) });
    case "contract.permissions_proposed":
      return t("event.permissionsProposed", { grants: grants(e.data.after) });
    case "contract.permissions_accepted":
      return t("event.permissionsAccepted", { grants: grants(e.data.after) });
    case "contract.proposal_withdrawn":
      return e.data.kind === "promotion" ? t("event.promotionWithdrawn") : t("event.permissionsWithdrawn");
    case "contract.proposal_expired":
      return e.data.kind === "promotion" ? t("event.promotionExpired") : t("event.permissionsExpired");
    case "contract.promotion_proposed":
      return t("event.promotionProposed");
    case "contract.promoted":
      return text(e.data.to) ? t("event.promotedTo", { to: e.data.to }) : t("event.promoted");
    case "contract.promoted_from":
      return text(e.data.from) ? t("event.promotedFrom", { from: e.data.from }) : t("event.promotedFromUnknown");
  }
}

/** The boxes a contract grants, as words (rows written before a field existed lack it). */
function grantWords(g: unknown, t: T): string {
  const o = (g && typeof g === "object" ? g : {}) as { program?: unknown; delegate?: unknown };
  const words = [o.program === true ? t("event.grantProgram") : null, o.delegate === true ? t("event.grantDelegate") : null].filter(
    Boolean,
  );
  return words.length ? words.join(", ") : t("event.grantNone");
}

/** A type this build does not write (an older build's), in words made from the type itself. */
function fallbackWords(type: string): string {
  return type
    .replace(/^contract\./, "")
    .replaceAll("_", " ")
    .replace(/^./, (c) => c.toUpperCase());
}

/** The outbox kinds History names (messages/<locale>/history.json History.mail.kind); any other is "Email". */
const mailKinds = {
  invitation: true,
  contract_activated: true,
  new_version: true,
  contract_terminated: true,
  contract_expired: true,
  contract_end_notice: true,
  contract_extended: true,
  permissions_narrowed: true,
  permissions_proposed: true,
  permissions_accepted: true,
  proposal_withdrawn: true,
  proposal_expired: true,
  promotion_proposed: true,
  contract_promoted: true,
  reminder: true,
  link_expiry_notice: true,
  link_expiry_staff_notice: true,
  link_expired_notice: true,
};
