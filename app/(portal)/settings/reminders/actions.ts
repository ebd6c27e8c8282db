"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { requireManager } from "@/lib/accounts/roles";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { updateReminderPolicy } from "@/lib/follow-up/policy";
import { reminderPolicySchema } from "@/lib/follow-up/schemas";

/** Settings → Reminders → Save: Owners and Admins of an account that invites partners. */
export const saveReminderPolicyAction = defineAction({
  input: reminderPolicySchema,
  authorize: (viewer) => {
    requireManager(viewer);
    assertMayManageContracts(viewer);
  },
  run: updateReminderPolicy,
  after: () => revalidatePath("/settings/reminders"),
});
