import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contracts } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { parseOrThrow } from "@/lib/action-result";
import { recordEvent } from "@/lib/audit/record-event";
import { assertMayManageContracts, ownContract, unchangedError } from "./contract-transition";
import { editNoteSchema } from "./detail-schemas";

/** Changes the note to signee of a pending contract (the signee reads it when activating). */
export async function editNote(db: Db, viewer: Viewer, input: unknown): Promise<void> {
  assertMayManageContracts(viewer);
  const { publicId, noteToSignee } = parseOrThrow(editNoteSchema, input);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(contracts)
      .set({ noteToSignee, updatedAt: sql`now()` })
      .where(ownContract(viewer, publicId, "pending"))
      .returning({ id: contracts.id, publicId: contracts.publicId });
    if (!row) throw await unchangedError(tx, viewer, publicId, "pending");
    await recordEvent(tx, viewer, {
      type: "contract.note_edited",
      subjectType: "contract",
      subjectId: row.id,
      subjectPublicId: row.publicId,
    });
  });
}
