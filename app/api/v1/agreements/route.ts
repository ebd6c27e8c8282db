import { assertMayUseAgreements } from "@/lib/api/access";
import { apiRoute, queryOf, readJson } from "@/lib/api/handler";
import { toAgreementSummary } from "@/lib/api/resources";
import { createAgreement } from "@/lib/agreements/create-agreement";
import { listAgreements } from "@/lib/agreements/list-agreements";
import { createAgreementSchema } from "@/lib/agreements/schemas";
import { parseOrThrow } from "@/lib/action-result";

export const GET = apiRoute("read", async ({ db, viewer, url }) => {
  assertMayUseAgreements(viewer);
  const page = await listAgreements(db, viewer, queryOf(url));
  return { body: { data: page.rows.map(toAgreementSummary), nextCursor: page.nextCursor, prevCursor: page.prevCursor } };
});

export const POST = apiRoute("write", async ({ db, viewer, request }) => {
  assertMayUseAgreements(viewer);
  const input = parseOrThrow(createAgreementSchema, await readJson(request));
  const created = await createAgreement(db, viewer, input);
  return {
    status: 201,
    body: { publicId: created.publicId, name: created.name, versionNumber: created.versionNumber, active: created.active },
    headers: { location: `/api/v1/agreements/${created.publicId}` },
  };
});
