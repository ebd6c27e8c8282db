import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { listAgreements } from "@/lib/agreements/list-agreements";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { listContracts } from "@/lib/contracts/list-contracts";
import { listWizardAgreements } from "@/lib/contracts/list-wizard-agreements";
import { getPartner } from "@/lib/directory/get-partner";
import { listPartners } from "@/lib/directory/list-partners";
import { isAppError } from "@/lib/errors";
import { getVersionToSign } from "@/lib/reseller/get-version-to-sign";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "../support/factories";
import { hostileString, hostileValue } from "../support/hostile";

// SECURITY.md (bad input): the pages hand URL segments and query strings to these data-access
// functions. Whatever the URL holds, the answer is data or an AppError ("not found" → a 404 page),
// never a database error (a 500).

type Viewers = { staff: Awaited<ReturnType<typeof makeAccount>>["viewer"]; reseller: Awaited<ReturnType<typeof makeAccount>>["viewer"] };
let v: Viewers;

beforeAll(async () => {
  const staff = await makeAccount();
  const agreement = (await makeAgreement(staff)).agreement.publicId;
  const { reseller } = await makeActiveContract(await makeContract(staff, agreement));
  v = { staff: staff.viewer, reseller: reseller.viewer };
});

/**
 * A cursor as our pages encode it (`dir|instant|uuid`, base64url) whose parts are anything: month 13,
 * February 30, hour 24, year 0, a foreign direction, a non-uuid. Random strings alone never reach the
 * database, because they do not decode to this shape.
 */
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const craftedCursor = fc
  .record({
    dir: fc.constantFrom("next", "prev", "up"),
    y: fc.integer({ min: 0, max: 9999 }),
    mo: fc.integer({ min: 0, max: 99 }),
    d: fc.integer({ min: 0, max: 99 }),
    h: fc.integer({ min: 0, max: 99 }),
    mi: fc.integer({ min: 0, max: 99 }),
    s: fc.integer({ min: 0, max: 99 }),
    id: fc.oneof(fc.uuid(), hostileString),
  })
  .map(({ dir, y, mo, d, h, mi, s, id }) => {
    const t = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.000000Z`;
    return Buffer.from(`${dir}|${t}|${id}`).toString("base64url");
  });

async function answers(what: string, call: () => Promise<unknown>) {
  try {
    await call();
  } catch (e) {
    expect(isAppError(e), `${what} threw ${String(e)}`).toBe(true);
  }
}

describe("lookups by hostile URL values", () => {
  it("a hostile public ID in the URL is 'not found' or nothing, never a database error", async () => {
    const d = await db();
    await fc.assert(
      fc.asyncProperty(hostileString, async (id) => {
        await answers("getContractDetails(issuer)", () => getContractDetails(d, v.staff, id, "issuer"));
        await answers("getContractDetails(owner)", () => getContractDetails(d, v.reseller, id, "owner"));
        await answers("listContractHistory", () => listContractHistory(d, v.staff, id, "issuer"));
        await answers("getVersionToSign", () => getVersionToSign(d, v.reseller, id));
        await answers("getAgreement", () => getAgreement(d, v.staff, { publicId: id }));
        await answers("getPartner", () => getPartner(d, v.staff, id));
        expect((await resolveActivationLink(d, id)).state, "a hostile activation token").toBe("invalid");
      }),
      { numRuns: 40 },
    );
  });

  it("hostile search, filter, cursor and page values list nothing foreign and never fail", async () => {
    const d = await db();
    const cursor = fc.oneof(hostileValue, craftedCursor);
    const params = fc.record({
      q: hostileValue,
      status: hostileValue,
      kind: hostileValue,
      cursor,
      limit: hostileValue,
      page: hostileValue,
    });
    await fc.assert(
      fc.asyncProperty(params, hostileString, async (p, q) => {
        await answers("listContracts", () => listContracts(d, v.staff, p as never));
        await answers("listAgreements", () => listAgreements(d, v.staff, p as never));
        await answers("listPartners", () => listPartners(d, v.staff, p as never));
        await answers("listWizardAgreements", () => listWizardAgreements(d, v.staff, { q }));
      }),
      { numRuns: 40 },
    );
  });

  it("an impossible date in a well-formed cursor gets the first page, on Contracts and Agreements", async () => {
    const d = await db();
    const first = { contracts: await listContracts(d, v.staff), agreements: await listAgreements(d, v.staff) };
    expect(first.contracts.rows.length).toBeGreaterThan(0);
    for (const t of [
      "2026-13-01T00:00:00.000000Z",
      "2026-02-30T00:00:00.000000Z",
      "2026-01-01T24:00:00.000000Z",
      "0000-01-01T00:00:00.000000Z",
    ]) {
      const cursor = Buffer.from(`next|${t}|00000000-0000-4000-8000-000000000000`).toString("base64url");
      expect(await listContracts(d, v.staff, { cursor }), t).toEqual(first.contracts);
      expect(await listAgreements(d, v.staff, { cursor }), t).toEqual(first.agreements);
    }
  });
});
