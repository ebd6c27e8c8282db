import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { emailSchema } from "./schemas";
import { v } from "@/lib/message-keys";

/** Bounded before hashing; the policy itself (passwordProblem) is checked by the domain, with the email. */
const newPassword = z
  .string({ error: v("newPasswordRequired") })
  .min(1, v("newPasswordRequired"))
  .max(1024, v("passwordTooLong"));
const currentPassword = z
  .string({ error: v("currentPasswordRequired") })
  .min(1, v("currentPasswordRequired"))
  .max(1024, v("passwordTooLong"));

export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The reset link's token is 43 base64url characters; anything else is refused before any lookup. */
export const resetPasswordSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, v("linkInvalid")),
  password: newPassword,
});

export const changePasswordSchema = z.object({ currentPassword, newPassword });

/** Six digits; spaces (as apps show "123 456") are ignored. */
export const totpCodeSchema = z
  .string({ error: v("totpCodeRequired") })
  .transform((c) => c.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, v("totpCodeRequired")));

/** A recovery code as shown (xxxxx-xxxxx, lower case letters and digits); case and spaces are forgiven. */
export const recoveryCodeSchema = z
  .string({ error: v("recoveryCodeRequired") })
  .transform((c) => c.replace(/\s+/g, "").toLowerCase())
  .pipe(z.string().regex(/^[a-z2-9]{5}-?[a-z2-9]{5}$/, v("recoveryCodeRequired")))
  .transform((c) => c.replace("-", ""));

export const confirmTwoFactorSchema = z.object({ code: totpCodeSchema });

/** The sign-in's second step: the pending ticket from the password step, and a code or a recovery code. */
export const signInCodeSchema = z.object({
  ticket: z.string().min(1).max(1024).refine(hasNoNul),
  method: z.enum(["auto", "code", "recovery"]).default("auto"),
  code: z.string().max(64).refine(hasNoNul).default(""),
});

/** Turning two-factor off asks for a current code or the password. */
export const disableTwoFactorSchema = z
  .object({ code: z.string().max(64).refine(hasNoNul).default(""), password: z.string().max(1024).default("") })
  .refine((v) => v.code.trim() !== "" || v.password !== "", {
    message: v("codeOrPasswordRequired"),
    path: ["code"],
  });

export const requireTwoFactorSchema = z.object({
  require: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

/** #rrggbb, stored lower case. */
export const accentColorSchema = z
  .string({ error: v("colourInvalid") })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, v("colourInvalid"))
  .transform((c) => c.toLowerCase());

/**
 * Branding: the accent colour (empty = none) and, when a new logo was chosen, its bytes as base64 (the
 * form reads the file in the browser; the server checks size, magic bytes and dimensions itself).
 */
export const brandingSchema = z.object({
  accentColor: z.union([z.literal(""), accentColorSchema]).default(""),
  logo: z
    .string()
    .max(1_000_000, v("logoTooLarge"))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, v("fileUnreadable"))
    .default(""),
});

/** For actions that take no input (start or cancel two-factor setup, remove the logo). */
export const noInputSchema = z.object({});
