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
    const params = fc.record({ q: hostileValue, status: hostileValue, kind: hostileValue, cursor: hostileValue, limit: hostileValue, page: hostileValue });
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
});
