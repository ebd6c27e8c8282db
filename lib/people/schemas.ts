import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { emailSchema } from "@/lib/accounts/schemas";
import { fullNameSchema } from "@/lib/activation/schemas";
import { publicIdPattern } from "@/lib/ids";
import { v } from "@/lib/message-keys";

export const memberRoleSchema = z.enum(["owner", "admin", "member", "readonly"], { error: v("roleRequired") });

/** Invite user: an email and the role the person gets on joining. */
export const inviteUserSchema = z.object({ email: emailSchema, role: memberRoleSchema });
export type InviteUserInput = z.input<typeof inviteUserSchema>;

/** Resend or Revoke a pending invitation, by its id. */
export const invitationRefSchema = z.object({ invitationId: z.uuid({ error: v("unknownInvitation") }) });

const userRef = z.string().regex(publicIdPattern.user, v("unknownUser"));

export const changeRoleSchema = z.object({ userId: userRef, role: memberRoleSchema });
export const removeUserSchema = z.object({ userId: userRef });

/** The /join page's forms: the link's token (validated by shape before any lookup). */
export const joinTokenSchema = z.object({ token: z.string().max(100).refine(hasNoNul) });

/** A new user joining: name and password (the policy is checked with the invited email). */
export const joinNewUserSchema = joinTokenSchema.extend({
  fullName: fullNameSchema,
  password: z
    .string({ error: v("passwordRequired") })
    .min(1, v("passwordRequired"))
    .max(1024, v("passwordTooLong")),
});
