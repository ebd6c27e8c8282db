import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { contractParametersSchema } from "@/lib/contracts/schemas";

export const DEFAULT_REMINDER_POLICY = { enabled: true, firstAfterDays: 3, everyDays: 4, maxReminders: 3 } as const;
export type ReminderPolicy = { enabled: boolean; firstAfterDays: number; everyDays: number; maxReminders: number };

const days = (label: string, max: number) =>
  z.coerce
    .number({ error: `Enter ${label} as a whole number of days.` })
    .int(`Enter ${label} as a whole number of days.`)
    .min(1, `${label[0].toUpperCase()}${label.slice(1)} must be at least 1.`)
    .max(max, `${label[0].toUpperCase()}${label.slice(1)} can be at most ${max}.`);

/** Settings → Reminders (browser and server). */
export const reminderPolicySchema = z.object({
  enabled: z.boolean({ error: "Choose whether reminders are sent." }),
  firstAfterDays: days("the first reminder's delay", 90),
  everyDays: days("the interval", 90),
  maxReminders: z.coerce
    .number({ error: "Enter how many reminders at most." })
    .int("Enter how many reminders at most.")
    .min(1, "Send at least 1 reminder, or turn reminders off.")
    .max(10, "At most 10 reminders."),
});

const publicId = z.string({ error: "Not found." }).trim().min(1, "Not found.").max(40, "Not found.").refine(hasNoNul, "Not found.");

/**
 * Extend expiry on a pending contract: the new day (the wizard's own date rules: a real day, in the future,
 * at most a year ahead) and the expiry the dialog showed, so a change made meanwhile is refused, not overwritten.
 */
export const extendExpirySchema = z.object({
  publicId,
  linkExpiresOn: contractParametersSchema.shape.linkExpiresOn,
  currentExpiresAt: z.iso.datetime({ error: "Reload the page and try again.", offset: true }),
});

/** The activation page's "opened" beacon: only the token (the path is never trusted for it). */
export const openedBeaconSchema = z.object({ token: z.string().max(100).refine(hasNoNul) });
