import { apiRoute, readJson } from "@/lib/api/handler";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { emailLink } from "@/lib/contracts/email-link";
import { kickOutbox } from "@/lib/email/outbox-sender";

export const POST = apiRoute<{ publicId: string }>("write", async ({ db, viewer, request, params }) => {
  assertMayManageContracts(viewer);
  const sent = await emailLink(db, viewer, { ...(await readJson(request)), publicId: params.publicId });
  kickOutbox();
  return { body: sent };
});
