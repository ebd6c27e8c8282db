import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { hasNoNul } from "@/lib/no-nul";
import { v } from "@/lib/message-keys";

const notFound = v("notFound");

/**
 * The Sign form: the contract, the version to sign, the version the page showed as current, and which text
 * of the new version it showed ("default": the version's own; a language: its text in that language, issue 24).
 */
export const signVersionSchema = z.object({
  contractPublicId: z.string({ error: notFound }).trim().min(1, notFound).max(40, notFound).refine(hasNoNul, notFound),
  agreementVersionId: z.uuid({ error: notFound }),
  fromVersionId: z.uuid({ error: notFound }),
  textLocale: z.enum(["default", ...LOCALES], { error: notFound }).default("default"),
});

export type SignVersionInput = z.input<typeof signVersionSchema>;

/** The Sign form as posted: the version references and the acceptance box. */
export const signVersionFormSchema = signVersionSchema.extend({
  accepted: z.literal("on", { error: v("acceptNewVersion") }),
});
