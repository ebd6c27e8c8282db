import type { Locale } from "@/lib/i18n/locales";
import { addValidationCatalog } from "@/lib/message-keys";
// One file per area, owned by whoever works on that area; each file's top-level keys are namespaces.
// Adding a file: import it here for every language (tests/i18n/catalogs.test.ts checks they all match).
import deCommon from "./de/common.json";
import deEmail from "./de/email.json";
import deHistory from "./de/history.json";
import dePartners from "./de/partners.json";
import dePublic from "./de/public.json";
import deSettings from "./de/settings.json";
import deValidation from "./de/validation.json";
import enCommon from "./en/common.json";
import enEmail from "./en/email.json";
import enHistory from "./en/history.json";
import enPartners from "./en/partners.json";
import enPublic from "./en/public.json";
import enSettings from "./en/settings.json";
import enValidation from "./en/validation.json";
import esCommon from "./es/common.json";
import esEmail from "./es/email.json";
import esHistory from "./es/history.json";
import esPartners from "./es/partners.json";
import esPublic from "./es/public.json";
import esSettings from "./es/settings.json";
import esValidation from "./es/validation.json";
import frCommon from "./fr/common.json";
import frEmail from "./fr/email.json";
import frHistory from "./fr/history.json";
import frPartners from "./fr/partners.json";
import frPublic from "./fr/public.json";
import frSettings from "./fr/settings.json";
import frValidation from "./fr/validation.json";
import ptCommon from "./pt-BR/common.json";
import ptEmail from "./pt-BR/email.json";
import ptHistory from "./pt-BR/history.json";
import ptPartners from "./pt-BR/partners.json";
import ptPublic from "./pt-BR/public.json";
import ptSettings from "./pt-BR/settings.json";
import ptValidation from "./pt-BR/validation.json";

export type Messages = Record<string, unknown>;

/** Every area file of each language, by file name (the catalog test compares them file by file). */
export const catalogFiles: Record<Locale, Record<string, Messages>> = {
  en: {
    common: enCommon,
    public: enPublic,
    partners: enPartners,
    settings: enSettings,
    email: enEmail,
    history: enHistory,
    validation: enValidation,
  },
  de: {
    common: deCommon,
    public: dePublic,
    partners: dePartners,
    settings: deSettings,
    email: deEmail,
    history: deHistory,
    validation: deValidation,
  },
  es: {
    common: esCommon,
    public: esPublic,
    partners: esPartners,
    settings: esSettings,
    email: esEmail,
    history: esHistory,
    validation: esValidation,
  },
  fr: {
    common: frCommon,
    public: frPublic,
    partners: frPartners,
    settings: frSettings,
    email: frEmail,
    history: frHistory,
    validation: frValidation,
  },
  "pt-BR": {
    common: ptCommon,
    public: ptPublic,
    partners: ptPartners,
    settings: ptSettings,
    email: ptEmail,
    history: ptHistory,
    validation: ptValidation,
  },
};

// The server knows every language's validation messages from the start (the browser loads its one on demand).
for (const [locale, files] of Object.entries(catalogFiles)) addValidationCatalog(locale as Locale, files.validation);

const merged = new Map<Locale, Messages>();

/** All namespaces of a language in one object (the files' top-level keys side by side). */
export function messagesFor(locale: Locale): Messages {
  let m = merged.get(locale);
  if (!m) {
    m = Object.assign({}, ...Object.values(catalogFiles[locale])) as Messages;
    merged.set(locale, m);
  }
  return m;
}
