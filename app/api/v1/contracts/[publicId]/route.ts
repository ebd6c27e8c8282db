import { apiRoute } from "@/lib/api/handler";
import { toContract } from "@/lib/api/resources";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { getContractDetails } from "@/lib/contracts/get-contract-details";

/** The details screen's data as its issuer sees it; the activation link only for a read and write key. */
export const GET = apiRoute<{ publicId: string }>("read", async ({ db, viewer, key, params }) => {
  assertMayManageContracts(viewer);
  const details = await getContractDetails(db, viewer, params.publicId, "issuer");
  return { body: toContract(details, key.scope === "write") };
});

export const DELETE = apiRoute<{ publicId: string }>("write", async ({ db, viewer, params }) => {
  assertMayManageContracts(viewer);
  await deleteContract(db, viewer, { publicId: params.publicId });
  return { status: 204, body: null };
});
