import { apiRoute } from "@/lib/api/handler";
import { toHistory } from "@/lib/api/resources";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { listContractHistory } from "@/lib/contracts/list-contract-history";

/** The History tab: events and the mail queued for the contract, newest first. */
export const GET = apiRoute<{ publicId: string }>("read", async ({ db, viewer, params }) => {
  assertMayManageContracts(viewer);
  // A missing or another tenant's contract is a 404 (the history query alone would answer an empty list).
  await getContractDetails(db, viewer, params.publicId, "issuer");
  return { body: toHistory(await listContractHistory(db, viewer, params.publicId, "issuer")) };
});
