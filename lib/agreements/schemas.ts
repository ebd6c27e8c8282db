import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import type { ContentKind } from "@/db/schema";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";
import { errorKey, v } from "@/lib/message-keys";

export const agreementTypes = ["service", "program"] as const;
export type AgreementType = (typeof agreementTypes)[number];

export const agreementTypeLabel: Record<AgreementType, string> = { service: "Service", program: "Program" };

export const MAX_NAME = 100;
export const MAX_DESCRIPTION = 20_000;
export const MAX_CONTENT = 200_000;

export const versionContentSchema = z
  .string({ error: v("agreementTextRequired") })
  .trim()
  .min(1, v("agreementTextRequired"))
  .max(MAX_CONTENT, v("agreementTextTooLong", { max: MAX_CONTENT }))
  .refine(hasNoNul, NUL_MESSAGE);

/** Shared by the Create Agreement form (browser) and createAgreement (server). */
export const createAgreementSchema = z.object({
  type: z.enum(agreementTypes, { error: v("agreementTypeRequired") }),
  name: z
    .string({ error: v("nameRequired") })
    .trim()
    .min(1, v("nameRequired"))
    .max(MAX_NAME, v("nameTooLong", { max: MAX_NAME }))
    .refine(hasNoNul, NUL_MESSAGE),
  description: z
    .string({ error: v("descriptionRequired") })
    .trim()
    .min(1, v("descriptionRequired"))
    .max(MAX_DESCRIPTION, v("descriptionTooLong", { max: MAX_DESCRIPTION }))
    .refine(hasNoNul, NUL_MESSAGE),
  content: versionContentSchema,
  activate: z.boolean().default(true),
});
export type CreateAgreementInput = z.input<typeof createAgreementSchema>;

const agreementIdSchema = z
  .string({ error: v("notFound") })
  .trim()
  .min(1, v("notFound"))
  .max(40, v("notFound"))
  .refine(hasNoNul, v("notFound"));

/**
 * Shared by the Add version form and addAgreementVersion. A new version is a draft: publishing it asks
 * every active contract to sign and emails its signee, so that is its own confirmed step (Publish).
 */
/**
 * Issue 24: the version's text in other languages (optional), each once; immutable like the version. The
 * version's own content stays the main text, shown when the reader's language has none.
 */
export const versionTextsSchema = z
  .array(z.object({ locale: z.enum(LOCALES, { error: v("languageRequired") }), content: versionContentSchema }))
  .max(LOCALES.length, errorKey("languageOnce"))
  .refine((texts) => new Set(texts.map((t) => t.locale)).size === texts.length, errorKey("languageOnce"))
  .default([]);

export const addVersionSchema = z.object({
  agreementId: agreementIdSchema,
  content: versionContentSchema,
  activate: z.boolean().default(false),
  texts: versionTextsSchema,
});
export type AddVersionInput = z.input<typeof addVersionSchema>;

export const versionRefSchema = z.object({
  agreementId: agreementIdSchema,
  number: z.coerce
    .number({ error: v("notFound") })
    .int(v("notFound"))
    .min(1, v("notFound"))
    .max(1_000_000, v("notFound")),
});
export type VersionRef = z.input<typeof versionRefSchema>;

/** A version whose whole content is one https URL is a link to the document, not markdown. */
export function contentKindOf(content: string): ContentKind {
  const text = content.trim();
  if (!/^https:\/\/\S+$/.test(text)) return "markdown";
  try {
    return new URL(text).protocol === "https:" ? "link" : "markdown";
  } catch {
    return "markdown";
  }
}
