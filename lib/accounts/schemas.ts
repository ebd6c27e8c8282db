import { z } from "zod";
import { v } from "@/lib/message-keys";

export const emailSchema = z
  .string({ error: v("emailRequired") })
  .trim()
  .min(1, v("emailRequired"))
  .max(254, v("emailTooLong"))
  .email(v("emailInvalid"))
  .transform((e) => e.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: v("yourPasswordRequired") })
    .min(1, v("yourPasswordRequired"))
    .max(1024, v("passwordTooLong")),
});
export type SignInInput = z.infer<typeof signInSchema>;
