import { apiRoute, readJson } from "@/lib/api/handler";
import { extendExpiry } from "@/lib/contracts/extend-expiry";

// The details page's Extend expiry: the same domain function, compare-and-set on the expiry the caller read.
export const POST = apiRoute<{ publicId: string }>("write", async ({ db, viewer, request, params }) => {
  const { linkExpiresAt, previous } = await extendExpiry(db, viewer, { ...(await readJson(request)), publicId: params.publicId });
  return { body: { linkExpiresAt: linkExpiresAt.toISOString(), previousExpiresAt: previous.toISOString() } };
});
