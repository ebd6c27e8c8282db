import { assertMayUseAgreements } from "@/lib/api/access";
import { apiRoute } from "@/lib/api/handler";
import { activateAgreementVersion } from "@/lib/agreements/activate-agreement-version";
import { versionRefSchema } from "@/lib/agreements/schemas";
import { parseOrThrow } from "@/lib/action-result";
import { kickOutbox } from "@/lib/email/outbox-sender";

/** Publish: the screen's Publish, with the same domain function (signees on older versions are emailed). */
export const POST = apiRoute<{ publicId: string; number: string }>("write", async ({ db, viewer, params }) => {
  assertMayUseAgreements(viewer);
  const input = parseOrThrow(versionRefSchema, { agreementId: params.publicId, number: params.number });
  const activation = await activateAgreementVersion(db, viewer, input);
  kickOutbox();
  return { body: activation };
});
