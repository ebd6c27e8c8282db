import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import PartnerPage from "@/app/(portal)/partners/directory/[publicId]/page";
import { contracts } from "@/db/schema";
import { getPartner } from "@/lib/directory/get-partner";
import { listPartners } from "@/lib/directory/list-partners";
import { actAs, db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "@/tests/support/factories";
import { NotFoundSignal } from "@/tests/support/next";
import { activateFor, createInvitation, distributorWithPartners } from "./directory-support";

let world: Awaited<ReturnType<typeof distributorWithPartners>>;
let other: Awaited<ReturnType<typeof makeAccount>>;
let outsider: Awaited<ReturnType<typeof makeActiveContract>>["reseller"];

const names = async (viewer = world.distributor.viewer, input = {}) =>
  (await listPartners(await db(), viewer, input)).rows.map((r) => r.name);

beforeAll(async () => {
  world = await distributorWithPartners();
  // Another distributor: its own reseller, an invitation, and a contract with our active reseller.
  other = await makeAccount({ name: "Other Distribution Ltd." });
  const theirs = (await makeAgreement(other)).agreement.publicId;
  outsider = (await makeActiveContract(await makeContract(other, theirs), { name: "Outsider Reseller Inc." })).reseller;
  await createInvitation(other, theirs, { invitedCompanyName: "Their Invitee LLC", signeeEmail: "buyer@acme.test" });
  await activateFor(await makeContract(other, theirs), world.active);
});

describe("Directory listing", () => {
  it("lists active and terminated reseller accounts and pending invitations, newest first", async () => {
    const page = await listPartners(await db(), world.distributor.viewer);
    const byName = Object.fromEntries(page.rows.map((r) => [r.name, r]));
    expect(page.rows.map((r) => r.name).sort()).toEqual([
      "Acme Widgets LLC",
      "Bravo Reseller Inc.",
      "Charlie Terminated GmbH",
      "Link only",
      "solo@delta.test",
    ]);
    const bravo = byName["Bravo Reseller Inc."];
    expect(bravo).toMatchObject({
      kind: "account",
      publicId: world.active.account.publicId,
      status: "active",
      contractCount: 2,
      signeeName: world.active.user.fullName,
      contactEmail: world.active.user.email,
    });
    // Only this distributor's contracts count, though Bravo also has one with the other distributor.
    expect(bravo.contractIds.sort()).toEqual([world.contracts.first.publicId, world.contracts.second.publicId].sort());
    expect(byName["Charlie Terminated GmbH"]).toMatchObject({ status: "terminated", contractIds: [world.contracts.third.publicId] });
    expect(byName["Acme Widgets LLC"]).toMatchObject({
      kind: "invitation",
      status: "invited",
      publicId: world.contracts.invited.publicId,
      contactEmail: "buyer@acme.test",
      signeeName: null,
      linkExpired: false,
    });
    expect(byName["Link only"]).toMatchObject({ status: "invited", contactEmail: null, signee: "Link only" });
    // The signee reads the same as on the contract's own page.
    expect(bravo.signee).toBe(`${world.active.user.fullName} (${world.active.user.email})`);
    expect(byName["Acme Widgets LLC"].signee).toBe("Invited: buyer@acme.test");
    const times = page.rows.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by status and searches company names and emails, case-insensitively", async () => {
    expect(await names(undefined, { status: "active" })).toEqual(["Bravo Reseller Inc."]);
    expect((await names(undefined, { status: "invited" })).sort()).toEqual(["Acme Widgets LLC", "Link only", "solo@delta.test"]);
    expect(await names(undefined, { q: "acme" })).toEqual(["Acme Widgets LLC"]);
    expect(await names(undefined, { q: "SOLO@DELTA" })).toEqual(["solo@delta.test"]);
    expect(await names(undefined, { q: world.active.user.email })).toEqual(["Bravo Reseller Inc."]);
    expect(await names(undefined, { q: "charlie", status: "invited" })).toEqual([]);
    // LIKE wildcards are searched literally.
    expect(await names(undefined, { q: "%" })).toEqual([]);
  });

  it("never shows another distributor's partners or invitations", async () => {
    const mine = await names();
    expect(mine).not.toContain("Outsider Reseller Inc.");
    expect(mine).not.toContain("Their Invitee LLC");
    expect(await names(undefined, { q: "Outsider" })).toEqual([]);
    const theirs = await listPartners(await db(), other.viewer);
    expect(theirs.rows.map((r) => r.name).sort()).toEqual(["Bravo Reseller Inc.", "Outsider Reseller Inc.", "Their Invitee LLC"]);
    expect(theirs.rows.find((r) => r.name === "Bravo Reseller Inc.")?.contractCount).toBe(1);
  });
});

describe("Partner page", () => {
  it("shows the partner's contracts with this distributor, permissions and history, newest first", async () => {
    const partner = await getPartner(await db(), world.distributor.viewer, world.active.account.publicId);
    expect(partner).toMatchObject({ name: "Bravo Reseller Inc.", status: "active" });
    expect(partner.contracts.map((c) => c.publicId)).toEqual([world.contracts.second.publicId, world.contracts.first.publicId]);
    const first = partner.contracts.find((c) => c.publicId === world.contracts.first.publicId)!;
    expect(first).toMatchObject({ agreementName: "Reseller Terms", status: "active", kind: "production" });
    expect(first.permissions.agreement.program.create).toBe(true);
    expect(partner.history.map((e) => [e.type, e.contractPublicId])).toEqual([
      ["contract.created", world.contracts.second.publicId],
      ["contract.created", world.contracts.first.publicId],
    ]);
    const terminated = await getPartner(await db(), world.distributor.viewer, world.terminated.account.publicId);
    expect(terminated.status).toBe("terminated");
    expect(terminated.history.map((e) => e.type)).toEqual(["contract.terminated", "contract.created"]);
  });

  it("is not found for another distributor's partner, an unknown ID, or a malformed one", async () => {
    const d = await db();
    await expect(getPartner(d, world.distributor.viewer, outsider.account.publicId)).rejects.toMatchObject({ code: "not_found" });
    await expect(getPartner(d, world.distributor.viewer, "PA-000-000")).rejects.toMatchObject({ code: "not_found" });
    await expect(getPartner(d, world.distributor.viewer, "not-an-id")).rejects.toMatchObject({ code: "not_found" });
    // The other distributor sees only its own contract with the shared reseller.
    const shared = await getPartner(d, other.viewer, world.active.account.publicId);
    expect(shared.contracts).toHaveLength(1);
    expect(shared.contracts[0].publicId).not.toBe(world.contracts.first.publicId);
  });

  it("answers 404 on the page for another distributor's partner and renders our own", async () => {
    actAs(world.distributor);
    await expect(PartnerPage({ params: Promise.resolve({ publicId: outsider.account.publicId }) })).rejects.toBeInstanceOf(NotFoundSignal);
    await expect(PartnerPage({ params: Promise.resolve({ publicId: world.active.account.publicId }) })).resolves.toBeTruthy();
  });
});

describe("a partner whose contracts reached their end date", () => {
  it("is Expired in the list and on its page, not Terminated; one active contract makes it Active again", async () => {
    const d = await makeAccount({ name: "Ending Distribution Ltd." });
    const agreement = (await makeAgreement(d)).agreement.publicId;
    const { reseller, contract } = await makeActiveContract(await makeContract(d, agreement), { name: "Lapsed Reseller Oy" });
    await (await db()).update(contracts).set({ status: "expired", expiredAt: new Date() }).where(eq(contracts.id, contract.id));
    const row = (await listPartners(await db(), d.viewer)).rows.find((r) => r.publicId === reseller.account.publicId);
    expect(row?.status).toBe("expired");
    expect((await getPartner(await db(), d.viewer, reseller.account.publicId)).status).toBe("expired");
    await activateFor(await makeContract(d, agreement), reseller);
    expect((await getPartner(await db(), d.viewer, reseller.account.publicId)).status).toBe("active");
    expect((await listPartners(await db(), d.viewer)).rows.find((r) => r.publicId === reseller.account.publicId)?.status).toBe("active");
  });
});
