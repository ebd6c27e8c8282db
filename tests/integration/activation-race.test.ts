import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, contracts, contractVersions, users } from "@/db/schema";
import { activateContract } from "@/lib/activation/activate-contract";
import { db } from "@/tests/support/factories";
import { onPostgres } from "@/tests/support/setup-db";
import { activationMails, contractRow, distributorWithAgreement, eventsOf, NEW_PASSWORD, requestFrom } from "./activation-support";

const tab = (n: number, email = "racer@example.test") => ({
  signer: { kind: "new" as const, email, fullName: `Racer ${n}`, password: NEW_PASSWORD },
  company: { kind: "new" as const, name: `Racer ${n} LLC` },
});

// On PostgreSQL these really run concurrently; PGlite serializes them, and the outcome must be the same.
describe(`concurrent activations (${onPostgres ? "PostgreSQL, real concurrency" : "PGlite, serialized"})`, () => {
  it("several tabs pressing Activate at once: exactly one wins, the others are told it is already active", async () => {
    const setup = await distributorWithAgreement();
    const c = await setup.issue();
    const d = await db();
    const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map((n) => activateContract(d, c.token, tab(n), requestFrom())));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) expect(r.reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/already active/) });
    expect(
      await d
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = 'racer@example.test'`),
    ).toHaveLength(1);
    expect(
      await d
        .select()
        .from(accounts)
        .where(sql`${accounts.name} like 'Racer % LLC'`),
    ).toHaveLength(1);
    expect(await d.select().from(contractVersions).where(eq(contractVersions.contractId, c.id))).toHaveLength(1);
    expect((await eventsOf(c.id)).filter((e) => e.type === "contract.activated")).toHaveLength(1);
    expect(await activationMails(c.id)).toHaveLength(1);
  });

  it("an activation racing a termination never leaves a terminated contract without its signature", async () => {
    const setup = await distributorWithAgreement();
    const c = await setup.issue();
    const d = await db();
    // The distributor's terminate is a compare-and-set on 'active': it only lands after the activation committed.
    const terminate = () =>
      d
        .update(contracts)
        .set({ status: "terminated", terminatedAt: new Date(), terminationReason: "Ended" })
        .where(sql`${contracts.id} = ${c.id} and ${contracts.status} = 'active'`)
        .returning({ id: contracts.id });
    const [activation, terminated] = await Promise.allSettled([
      activateContract(d, c.token, tab(9, "terminator@example.test"), requestFrom()),
      terminate(),
    ]);
    expect(activation.status).toBe("fulfilled");
    const row = await contractRow(c.id);
    const hit = terminated.status === "fulfilled" ? terminated.value.length : -1;
    expect(row.status).toBe(hit === 1 ? "terminated" : "active");
    expect(row.ownerAccountId).not.toBeNull();
    expect(await d.select().from(contractVersions).where(eq(contractVersions.contractId, c.id))).toHaveLength(1);
  });

  it("a contract terminated before the activation lands is refused, and nothing is created", async () => {
    const setup = await distributorWithAgreement();
    const c = await setup.issue();
    const d = await db();
    // Simulate a contract that reached 'terminated' while this tab sat on the Activate step.
    await d.update(contracts).set({ status: "terminated", terminatedAt: new Date() }).where(eq(contracts.id, c.id));
    const usersBefore = (await d.select().from(users)).length;
    await expect(activateContract(d, c.token, tab(10, "toolate@example.test"), requestFrom())).rejects.toMatchObject({
      message: expect.stringMatching(/terminated/),
    });
    expect((await d.select().from(users)).length).toBe(usersBefore);
  });
});
