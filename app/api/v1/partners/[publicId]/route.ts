import { apiRoute } from "@/lib/api/handler";
import { toPartner } from "@/lib/api/resources";
import { assertMayInvitePartners } from "@/lib/directory/access";
import { getPartner } from "@/lib/directory/get-partner";

export const GET = apiRoute<{ publicId: string }>("read", async ({ db, viewer, params }) => {
  assertMayInvitePartners(viewer);
  return { body: toPartner(await getPartner(db, viewer, params.publicId)) };
});
