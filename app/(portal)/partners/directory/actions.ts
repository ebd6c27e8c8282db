"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { failure, type ActionResult } from "@/lib/action-result";
import { createPartner, type CreatedPartner } from "@/lib/directory/create-partner";
import type { CreatePartnerInput } from "@/lib/directory/schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";
import { requireActionViewer } from "@/lib/session";

const creationKeySchema = z.uuid();

/** Create Partner: createPartner parses the input again with the form's own schema, whatever was sent. */
export async function createPartnerAction(input: unknown): Promise<ActionResult<CreatedPartner>> {
  let created: CreatedPartner;
  try {
    const viewer = await requireActionViewer();
    const raw = (typeof input === "object" && input !== null ? input : {}) as CreatePartnerInput & { creationKey?: unknown };
    const key = creationKeySchema.safeParse(raw.creationKey);
    created = await createPartner(await getDb(), viewer, { ...raw, creationKey: key.success ? key.data : undefined });
  } catch (e) {
    return failure(e);
  }
  kickOutbox(); // the invitation to the contact email
  revalidatePath("/partners/directory");
  revalidatePath("/partners/contracts");
  return { ok: true, data: created };
}
