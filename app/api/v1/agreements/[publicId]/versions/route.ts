import { assertMayUseAgreements } from "@/lib/api/access";
import { apiRoute, readJson } from "@/lib/api/handler";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { addVersionSchema } from "@/lib/agreements/schemas";
import { parseOrThrow } from "@/lib/action-result";
import { kickOutbox } from "@/lib/email/outbox-sender";

/** Adds a version (a draft unless `activate` is true, which publishes it at once, like the form's caller may). */
export const POST = apiRoute<{ publicId: string }>("write", async ({ db, viewer, request, params }) => {
  assertMayUseAgreements(viewer);
  const input = parseOrThrow(addVersionSchema, { ...(await readJson(request)), agreementId: params.publicId });
  const added = await addAgreementVersion(db, viewer, input);
  if (added.active) kickOutbox();
  return { status: 201, body: { number: added.number, active: added.active } };
});
