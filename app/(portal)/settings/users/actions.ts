"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { requireManager } from "@/lib/accounts/roles";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { changeRole } from "@/lib/people/change-role";
import { inviteUser } from "@/lib/people/invite-user";
import { removeUser } from "@/lib/people/remove-user";
import { resendInvitation } from "@/lib/people/resend-invitation";
import { revokeInvitation } from "@/lib/people/revoke-invitation";
import { changeRoleSchema, invitationRefSchema, inviteUserSchema, removeUserSchema } from "@/lib/people/schemas";

// Settings → Users: Owners and Admins only (Read-only members are refused by defineAction itself); each
// domain function locks the account and re-reads the caller's role before changing anything.

const refresh = () => revalidatePath("/settings/users");
const sent = () => {
  kickOutbox();
  refresh();
};

export const inviteUserAction = defineAction({ input: inviteUserSchema, authorize: requireManager, run: inviteUser, after: sent });
export const resendInvitationAction = defineAction({
  input: invitationRefSchema,
  authorize: requireManager,
  run: resendInvitation,
  after: sent,
});
export const revokeInvitationAction = defineAction({
  input: invitationRefSchema,
  authorize: requireManager,
  run: revokeInvitation,
  after: refresh,
});
export const changeRoleAction = defineAction({ input: changeRoleSchema, authorize: requireManager, run: changeRole, after: refresh });
export const removeUserAction = defineAction({ input: removeUserSchema, authorize: requireManager, run: removeUser, after: refresh });
