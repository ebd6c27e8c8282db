import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, contracts, users } from "@/db/schema";
import { authenticate } from "@/lib/accounts/authenticate";
import { loadViewer, type Viewer } from "@/lib/accounts/viewer";
import { getAgreement } from "@/lib/agreements/get-agreement";
import { listAgreements } from "@/lib/agreements/list-agreements";
import { listContracts } from "@/lib/contracts/list-contracts";
import { listPartners } from "@/lib/directory/list-partners";
import { DEMO_CONTRACTS, DEMO_RESELLERS } from "@/lib/seed/demo-partners-data";
import { DEMO_AGREEMENT_NAME } from "@/lib/seed/seed-demo-agreement";
import { DEMO_MARKETPLACE_NAME } from "@/lib/seed/seed-demo-partners";
import { DEMO, seedDemo } from "@/lib/seed/seed-demo";
import { db } from "../support/factories";

let staff: Viewer;
beforeAll(async () => {
  const database = await db();
  await seedDemo(database);
  await seedDemo(database); // idempotent: nothing twice
  const [user] = await database
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, DEMO.email));
  staff = (await loadViewer(database, { userId: user.id, sessionVersion: user.sessionVersion }))!;
});

const agreementId = async (name: string) =>
  (await (await db()).select({ publicId: agreements.publicId }).from(agreements).where(eq(agreements.name, name)))[0].publicId;

describe("the demo a newcomer signs in to", () => {
  it("has a few dozen contracts in every status, once", async () => {
    const rows = await (await db()).select({ status: contracts.status, n: count() }).from(contracts).groupBy(contracts.status);
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(by).toEqual({ pending: 10, active: 15, rejected: 5, terminated: 5 });
    expect(DEMO_CONTRACTS).toHaveLength(35);
    const first = await listContracts(await db(), staff, {});
    expect(first.rows).toHaveLength(25);
    expect(first.nextCursor).not.toBeNull();
    expect((await listContracts(await db(), staff, { status: "rejected" })).rows.every((r) => r.status === "rejected")).toBe(true);
  });

  it("has partners in the Directory: reseller companies and open invitations", async () => {
    const page = await listPartners(await db(), staff, {});
    expect(page.rows.filter((r) => r.kind === "account")).toHaveLength(DEMO_RESELLERS.length);
    expect(page.rows.filter((r) => r.kind === "invitation")).toHaveLength(10);
    expect(page.rows.filter((r) => r.linkExpired)).toHaveLength(2);
    expect(page.rows.find((r) => r.name === "Coho Data Corp.")?.status).toBe("terminated");
  });

  it("has a second agreement version with one reseller on it, the others asked to sign", async () => {
    const market = await getAgreement(await db(), staff, { publicId: await agreementId(DEMO_MARKETPLACE_NAME) });
    expect(market.activeVersion).toBe(2);
    expect(market.contractsWithUpdates).toBe(2);
    expect(market.versions.map((v) => [v.number, v.contracts])).toEqual([
      [1, 4],
      [2, 1],
    ]);
    // The standard agreement keeps version 2 a draft, for the journeys that publish it.
    const standard = await getAgreement(await db(), staff, { publicId: await agreementId(DEMO_AGREEMENT_NAME) });
    expect(standard.versions.map((v) => [v.number, v.active, v.draft])).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
    expect((await listAgreements(await db(), staff, {})).rows.map((r) => r.type).sort()).toEqual(["program", "service", "service"]);
  });

  it("lets a demo reseller sign in with the demo password", async () => {
    const r = await authenticate(await db(), { email: DEMO_RESELLERS[0].email, password: DEMO.password, ip: "127.0.0.1", userAgent: "t" });
    expect(r.status).toBe("ok");
  });
});
