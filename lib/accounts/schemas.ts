import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email." })
  .trim()
  .min(1, "Enter your email.")
  .max(254, "That email is too long.")
  .email("Enter a valid email address.")
  .transform((e) => e.toLowerCase());

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;
