import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { contractParametersSchema } from "@/lib/contracts/schemas";
import { v } from "@/lib/message-keys";

export const DEFAULT_REMINDER_POLICY = { enabled: true, firstAfterDays: 3, everyDays: 4, maxReminders: 3 } as const;
export type ReminderPolicy = { enabled: boolean; firstAfterDays: number; everyDays: number; maxReminders: number };

/** `field` names the setting in the messages (Validation.days*: "first" is the first reminder's delay, "every" the interval). */
const days = (field: "first" | "every", max: number) =>
  z.coerce
    .number({ error: v("daysWhole", { field }) })
    .int(v("daysWhole", { field }))
    .min(1, v("daysMin", { field }))
    .max(max, v("daysMax", { field, max }));

/** Settings → Reminders (browser and server). */
export const reminderPolicySchema = z.object({
  enabled: z.boolean({ error: v("remindersEnabledRequired") }),
  firstAfterDays: days("first", 90),
  everyDays: days("every", 90),
  maxReminders: z.coerce
    .number({ error: v("maxRemindersRequired") })
    .int(v("maxRemindersRequired"))
    .min(1, v("maxRemindersMin"))
    .max(10, v("maxRemindersMax")),
});

const publicId = z
  .string({ error: v("notFound") })
  .trim()
  .min(1, v("notFound"))
  .max(40, v("notFound"))
  .refine(hasNoNul, v("notFound"));

/**
 * Extend expiry on a pending contract: the new day (the wizard's own date rules: a real day, in the future,
 * at most a year ahead) and the expiry the dialog showed, so a change made meanwhile is refused, not overwritten.
 */
export const extendExpirySchema = z.object({
  publicId,
  linkExpiresOn: contractParametersSchema.shape.linkExpiresOn,
  currentExpiresAt: z.iso.datetime({ error: v("reloadAndRetry"), offset: true }),
});

/** The activation page's "opened" beacon: only the token (the path is never trusted for it). */
export const openedBeaconSchema = z.object({ token: z.string().max(100).refine(hasNoNul) });
