import { apiRoute, readJson } from "@/lib/api/handler";
import { assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { regenerateLink } from "@/lib/contracts/regenerate-link";

export const POST = apiRoute<{ publicId: string }>("write", async ({ db, viewer, request, params }) => {
  assertMayManageContracts(viewer);
  const link = await regenerateLink(db, viewer, { ...(await readJson(request)), publicId: params.publicId });
  return { body: { activationLink: link.activationLink, linkExpiresAt: link.linkExpiresAt.toISOString() } };
});
