import { createTranslator } from "use-intl/core";
import en from "@/messages/en/validation.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * Validation and error messages as catalog keys (issue 24). A zod schema or an AppError names its message
 * by key: `v("emailInvalid")`, `v("nameTooLong", { max: 100 })`, `errorKey("forbidden")`. The value is the
 * English sentence (so a place that shows it as it is shows English, never a raw key, and English stays
 * exactly what it was), remembered with its key; the places that show messages translate it into the
 * reader's language with localizeMessage: defineAction and AppError (lib/errors.ts, lib/action-result.ts),
 * the REST API's problems (lib/api/problem.ts) and components/ui/catalog-text.tsx for the forms' client-side
 * checks. A sentence that is no catalog message (plain English) is shown as it is. Isomorphic: English is
 * imported here (schemas build their messages from it in the browser too); the other languages are added by
 * messages/index.ts on the server and loaded on demand in the browser (loadValidationCatalog), so a form
 * page's JavaScript carries one language's catalog, not five.
 */
const catalogs: Partial<Record<Locale, Record<string, unknown>>> = { en };

/** Adds a language's validation.json (messages/index.ts does it for every language on the server). */
export function addValidationCatalog(locale: Locale, messages: Record<string, unknown>): void {
  catalogs[locale] ??= messages;
}

export function hasValidationCatalog(locale: string): boolean {
  return !isLocale(locale) || Boolean(catalogs[locale]);
}

/** Loads a language's validation.json in the browser (its own chunk), once. */
export async function loadValidationCatalog(locale: string): Promise<void> {
  if (hasValidationCatalog(locale)) return;
  const m = await (locale === "de"
    ? import("@/messages/de/validation.json")
    : locale === "es"
      ? import("@/messages/es/validation.json")
      : locale === "fr"
        ? import("@/messages/fr/validation.json")
        : import("@/messages/pt-BR/validation.json"));
  addValidationCatalog(locale as Locale, (m as { default?: Record<string, unknown> }).default ?? (m as Record<string, unknown>));
}

/** The namespaces of messages/<locale>/validation.json (SigneeWords: the words of lib/contracts/signee.ts;
 * PermissionWords: lib/reseller/list-owned-contracts.ts). */
const NAMESPACES = ["Validation", "Errors", "SigneeWords", "PermissionWords"] as const;
type Namespace = (typeof NAMESPACES)[number];
type Values = Record<string, string | number>;
type Entry = { namespace: Namespace; key: string; values?: Values };

function lookup(locale: Locale, namespace: string, key: string): boolean {
  let node: unknown = catalogs[locale]?.[namespace];
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

const translators = new Map<string, (key: string, values?: Values) => string>();
function translator(locale: Locale, namespace: Namespace): (key: string, values?: Values) => string {
  const id = `${locale}:${namespace}`;
  let t = translators.get(id);
  if (!t) {
    t = createTranslator({ locale, messages: catalogs[locale] as never, namespace: namespace as never, timeZone: "UTC" }) as unknown as (
      key: string,
      values?: Values,
    ) => string;
    translators.set(id, t);
  }
  return t;
}

/** English sentence → its key (and values). Bounded: run-time values (seconds to wait) add entries. */
const known = new Map<string, Entry>();
const MAX_KNOWN = 10_000;

function english(namespace: Namespace, key: string, values?: Values): string {
  if (!lookup(DEFAULT_LOCALE, namespace, key)) throw new Error(`unknown message ${namespace}.${key}`);
  const text = translator(DEFAULT_LOCALE, namespace)(key, values);
  if (!known.has(text) && known.size < MAX_KNOWN) known.set(text, { namespace, key, values });
  return text;
}

/** A field message of the Validation catalog, as English words that remember their key: `v("emailInvalid")`. */
export function v(key: string, values?: Values): string {
  return english("Validation", key, values);
}

/** An error message of the Errors catalog (validation.json), the same way: `errorKey("forbidden")`. */
export function errorKey(key: string, values?: Values): string {
  return english("Errors", key, values);
}

/** How a pending signee reads (lib/contracts/signee.ts), the same way: English words that remember their key. */
export function signeeWord(key: "invited" | "linkOnly", values?: Values): string {
  return english("SigneeWords", key, values);
}

/** A permission as the reseller's permission list words it (lib/reseller/list-owned-contracts.ts), the same way. */
export function permissionWord(key: "programCreate" | "serviceCreate" | "serviceDelegate"): string {
  return english("PermissionWords", key);
}

/** A message in a language: a catalog message is translated; anything else is returned as it is. */
export function localizeMessage(message: string, locale: string = DEFAULT_LOCALE): string {
  if (!isLocale(locale) || locale === DEFAULT_LOCALE) return message;
  const entry = known.get(message);
  if (!entry || !lookup(locale, entry.namespace, entry.key)) return message;
  try {
    return translator(locale, entry.namespace)(entry.key, entry.values);
  } catch {
    return message;
  }
}

/** Every message of a field-error map in a language. */
export function localizeFieldErrors(errors: Record<string, string> | undefined, locale: string): Record<string, string> | undefined {
  if (!errors) return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, msg]) => [k, localizeMessage(msg, locale)]));
}

// The catalog's messages without arguments are known from the start (a sentence met before its schema loaded).
for (const namespace of NAMESPACES) {
  const messages = (en as Record<string, unknown>)[namespace] as Record<string, string>;
  for (const [key, text] of Object.entries(messages)) if (!/[{<']/.test(text) && !known.has(text)) known.set(text, { namespace, key });
}
