"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { assertMayInvitePartners } from "@/lib/directory/access";
import { createPartner } from "@/lib/directory/create-partner";
import { createPartnerRequestSchema } from "@/lib/directory/schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";

/** Create Partner: createPartner parses the input again with the form's own schema, whatever was sent. */
export const createPartnerAction = defineAction({
  input: createPartnerRequestSchema,
  authorize: assertMayInvitePartners,
  run: createPartner,
  after: () => {
    kickOutbox(); // the invitation to the contact email
    revalidatePath("/partners/directory");
    revalidatePath("/partners/contracts");
  },
});
