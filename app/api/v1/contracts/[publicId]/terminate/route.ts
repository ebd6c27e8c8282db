import { apiRoute, readJson } from "@/lib/api/handler";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { kickOutbox } from "@/lib/email/outbox-sender";

export const POST = apiRoute<{ publicId: string }>("write", async ({ db, viewer, request, params }) => {
  assertMayManageContracts(viewer);
  await terminateContract(db, viewer, { ...(await readJson(request)), publicId: params.publicId });
  kickOutbox();
  return { status: 204, body: null };
});
