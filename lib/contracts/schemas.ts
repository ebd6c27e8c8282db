import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { hasNoNul, NUL_MESSAGE, withoutNul } from "@/lib/no-nul";
import { v } from "@/lib/message-keys";

export const MAX_LINK_DAYS = 365;
/** A contract's end date is at most two years ahead (issue 21). */
export const MAX_END_DAYS = 730;
export { DEFAULT_LINK_DAYS, defaultExpiryDate, linkExpiryField } from "./link-dates";

const optionalEmail = z
  .string()
  .trim()
  .max(254, v("emailTooLong"))
  .transform((v) => v.toLowerCase())
  .pipe(z.union([z.literal(""), z.email(v("emailInvalid"))]))
  .optional()
  .transform((v) => (v ? v : undefined));

export const noteToSigneeSchema = z
  .string({ error: v("noteToSigneeRequired") })
  .trim()
  .min(1, v("noteToSigneeRequired"))
  .max(200, v("noteToSigneeTooLong"))
  .refine(hasNoNul, NUL_MESSAGE);

/** Shared by the wizard's Parameters step (browser) and createContract (server). */
export const contractParametersSchema = z.object({
  agreementId: z
    .string({ error: v("agreementRequired") })
    .min(1, v("agreementRequired"))
    .refine(hasNoNul, v("notFound")),
  program: z.boolean().default(false),
  delegate: z.boolean().default(false),
  kind: z.enum(["test", "production"], { error: v("kindRequired") }),
  noteToSignee: noteToSigneeSchema,
  internalNote: z
    .string()
    .trim()
    .max(100, v("internalNoteTooLong"))
    .refine(hasNoNul, NUL_MESSAGE)
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** yyyy-mm-dd (the date input's value); the link expires at the end of that day, UTC. */
  linkExpiresOn: z
    .string({ error: v("linkExpiryRequired") })
    .regex(/^\d{4}-\d{2}-\d{2}$/, v("linkExpiryRequired"))
    // Date.parse rolls 2027-02-30 over to March 2; a real day reads back as itself.
    .refine(isCalendarDay, v("dateDoesNotExist"))
    .refine((d) => Date.parse(`${d}T23:59:59Z`) > Date.now(), v("linkExpiryInFuture"))
    .refine((d) => Date.parse(`${d}T00:00:00Z`) <= Date.now() + MAX_LINK_DAYS * 86_400_000, v("linkExpiryTooFar", { max: MAX_LINK_DAYS })),
  signeeEmail: optionalEmail,
  /** Optional end date, yyyy-mm-dd: the contract expires at the end of that day, UTC. Empty: no end. */
  endsOn: z
    .string()
    .trim()
    .optional()
    .superRefine((v, ctx) => {
      if (!v) return;
      const checked = endDateSchema.safeParse(v);
      if (!checked.success) ctx.addIssue({ code: "custom", message: checked.error.issues[0].message });
    })
    .transform((v) => (v ? v : undefined)),
  /** "Send reminders": follow the invitation up on the account's reminder policy (issue 18). */
  sendReminders: z.boolean().default(true),
  /** The language of the signee's emails (issue 24); the forms preselect the issuer's own language. */
  signeeLocale: z.enum(LOCALES, { error: v("languageRequired") }).optional(),
});
export type ContractParameters = z.input<typeof contractParametersSchema>;

/** A contract end date (wizard, Create Partner, Extend): a real day, in the future, at most two years ahead. */
export const endDateSchema = z
  .string({ error: v("endDateRequired") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, v("endDateRequired"))
  .refine(isCalendarDay, v("dateDoesNotExist"))
  .refine((d) => Date.parse(`${d}T23:59:59Z`) > Date.now(), v("endDateInFuture"))
  .refine((d) => Date.parse(`${d}T00:00:00Z`) <= Date.now() + MAX_END_DAYS * 86_400_000, v("endDateTooFar"));

function isCalendarDay(day: string): boolean {
  const at = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === day;
}

export function expiryFromDate(day: string): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

/**
 * The browser's idempotency key for one Create (wizard, Create Partner). A malformed key only costs the
 * idempotency, so it reads as no key (empty) rather than refusing the form.
 */
export const creationKeySchema = z.uuid().optional().catch("");

/** What the wizard's Create sends: its own fields and the key, nothing else (never invitedCompanyName). */
export const createContractRequestSchema = contractParametersSchema.extend({ creationKey: creationKeySchema });

/** The wizard's agreement search box: any text, NUL dropped (a crafted non-string reads as an empty search). */
export const wizardSearchSchema = z.object({ q: z.string().catch("").transform(withoutNul) });

/** The Agreement step's preview of one agreement (its ID is checked again against the caller's own). */
export const wizardPreviewSchema = z.object({
  agreementId: z
    .string({ error: v("agreementRequired") })
    .trim()
    .max(40, v("agreementRequired"))
    .refine(hasNoNul, v("agreementRequired")),
});
