import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { emailSchema } from "@/lib/accounts/schemas";
import { fullNameSchema } from "@/lib/activation/schemas";
import { publicIdPattern } from "@/lib/ids";

export const memberRoleSchema = z.enum(["owner", "admin", "member", "readonly"], { error: "Choose a role." });

/** Invite user: an email and the role the person gets on joining. */
export const inviteUserSchema = z.object({ email: emailSchema, role: memberRoleSchema });
export type InviteUserInput = z.input<typeof inviteUserSchema>;

/** Resend or Revoke a pending invitation, by its id. */
export const invitationRefSchema = z.object({ invitationId: z.uuid({ error: "Unknown invitation." }) });

const userRef = z.string().regex(publicIdPattern.user, "Unknown user.");

export const changeRoleSchema = z.object({ userId: userRef, role: memberRoleSchema });
export const removeUserSchema = z.object({ userId: userRef });

/** The /join page's forms: the link's token (validated by shape before any lookup). */
export const joinTokenSchema = z.object({ token: z.string().max(100).refine(hasNoNul) });

/** A new user joining: name and password (the policy is checked with the invited email). */
export const joinNewUserSchema = joinTokenSchema.extend({
  fullName: fullNameSchema,
  password: z.string({ error: "Enter a password." }).min(1, "Enter a password.").max(1024, "That password is too long."),
});
