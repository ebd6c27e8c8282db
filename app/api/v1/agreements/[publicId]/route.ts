import { assertMayUseAgreements } from "@/lib/api/access";
import { apiRoute } from "@/lib/api/handler";
import { toAgreement } from "@/lib/api/resources";
import { getAgreement } from "@/lib/agreements/get-agreement";

export const GET = apiRoute<{ publicId: string }>("read", async ({ db, viewer, params }) => {
  assertMayUseAgreements(viewer);
  return { body: toAgreement(await getAgreement(db, viewer, { publicId: params.publicId })) };
});
