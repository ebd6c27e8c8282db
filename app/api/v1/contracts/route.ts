import { apiRoute, BadRequest, queryOf, readJson } from "@/lib/api/handler";
import { toContractCreated, toContractSummary } from "@/lib/api/resources";
import { parseOrThrow } from "@/lib/action-result";
import { assertMayCreateContracts, assertMayManageContracts } from "@/lib/contracts/contract-transition";
import { createContract } from "@/lib/contracts/create-contract";
import { listContracts } from "@/lib/contracts/list-contracts";
import { contractParametersSchema } from "@/lib/contracts/schemas";
import { kickOutbox } from "@/lib/email/outbox-sender";

/** The Contracts tab's list: the same filters (status, kind), search (q) and keyset cursor. */
export const GET = apiRoute("read", async ({ db, viewer, url }) => {
  assertMayManageContracts(viewer);
  const page = await listContracts(db, viewer, queryOf(url));
  return { body: { data: page.rows.map(toContractSummary), nextCursor: page.nextCursor, prevCursor: page.prevCursor } };
});

const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The wizard's Create: the same createContract, the same validation, and its idempotency: an
 * `Idempotency-Key` header is the wizard's creation key, so a retried request answers the contract the
 * first one created instead of creating another.
 */
export const POST = apiRoute("write", async ({ db, viewer, request }) => {
  assertMayCreateContracts(viewer);
  const header = request.headers.get("idempotency-key");
  if (header !== null && !IDEMPOTENCY_KEY.test(header)) {
    throw new BadRequest("Idempotency-Key must be 8 to 64 letters, digits or hyphens (a UUID fits).");
  }
  const input = parseOrThrow(contractParametersSchema, await readJson(request));
  const created = await createContract(db, viewer, { ...input, creationKey: header ?? undefined });
  kickOutbox(); // the invitation, if a signee email was given
  return { status: 201, body: toContractCreated(created), headers: { location: `/api/v1/contracts/${created.publicId}` } };
});
