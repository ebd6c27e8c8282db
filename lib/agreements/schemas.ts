import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import type { ContentKind } from "@/db/schema";
import { hasNoNul, NUL_MESSAGE } from "@/lib/no-nul";

export const agreementTypes = ["service", "program"] as const;
export type AgreementType = (typeof agreementTypes)[number];

export const agreementTypeLabel: Record<AgreementType, string> = { service: "Service", program: "Program" };

export const MAX_NAME = 100;
export const MAX_DESCRIPTION = 20_000;
export const MAX_CONTENT = 200_000;

export const versionContentSchema = z
  .string({ error: "Enter the agreement text or an https link to it." })
  .trim()
  .min(1, "Enter the agreement text or an https link to it.")
  .max(MAX_CONTENT, `The agreement text can be at most ${MAX_CONTENT.toLocaleString("en-US")} characters.`)
  .refine(hasNoNul, NUL_MESSAGE);

/** Shared by the Create Agreement form (browser) and createAgreement (server). */
export const createAgreementSchema = z.object({
  type: z.enum(agreementTypes, { error: "Choose the agreement type." }),
  name: z
    .string({ error: "Enter a name." })
    .trim()
    .min(1, "Enter a name.")
    .max(MAX_NAME, `The name can be at most ${MAX_NAME} characters.`)
    .refine(hasNoNul, NUL_MESSAGE),
  description: z
    .string({ error: "Enter a description." })
    .trim()
    .min(1, "Enter a description.")
    .max(MAX_DESCRIPTION, `The description can be at most ${MAX_DESCRIPTION.toLocaleString("en-US")} characters.`)
    .refine(hasNoNul, NUL_MESSAGE),
  content: versionContentSchema,
  activate: z.boolean().default(true),
});
export type CreateAgreementInput = z.input<typeof createAgreementSchema>;

const agreementIdSchema = z
  .string({ error: "Not found." })
  .trim()
  .min(1, "Not found.")
  .max(40, "Not found.")
  .refine(hasNoNul, "Not found.");

/**
 * Shared by the Add version form and addAgreementVersion. A new version is a draft: publishing it asks
 * every active contract to sign and emails its signee, so that is its own confirmed step (Publish).
 */
/**
 * Issue 24: the version's text in other languages (optional), each once; immutable like the version. The
 * version's own content stays the main text, shown when the reader's language has none.
 */
export const versionTextsSchema = z
  .array(z.object({ locale: z.enum(LOCALES, { error: "Choose a language." }), content: versionContentSchema }))
  .max(LOCALES.length, "Each language at most once.")
  .refine((texts) => new Set(texts.map((t) => t.locale)).size === texts.length, "Each language at most once.")
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
  number: z.coerce.number({ error: "Not found." }).int("Not found.").min(1, "Not found.").max(1_000_000, "Not found."),
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
