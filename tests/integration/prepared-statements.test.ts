import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dbDriver } from "@/db/client";
import { rowsOf } from "@/db/query";
import { loadViewer } from "@/lib/accounts/viewer";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { listContracts } from "@/lib/contracts/list-contracts";
import { db, makeAccount, makeAgreement, makeContract } from "../support/factories";

// Issue 23: the viewer and the details and list pages' queries run as named statements, parsed and
// planned once, and still answer each request with fresh data.
describe("prepared statements for the hot pages", () => {
  it("answer like the plain queries, fresh on each call, and are kept as named statements", async () => {
    const d = await makeAccount({ role: "distributor" });
    const { agreement } = await makeAgreement(d);
    const contract = await makeContract(d, agreement.publicId);
    const database = await db();

    for (let i = 0; i < 3; i++) {
      const viewer = await loadViewer(database, { userId: d.user.id, sessionVersion: 1 });
      expect(viewer?.accountPublicId).toBe(d.account.publicId);
      const page = await listContracts(database, viewer!, {});
      expect(page.rows.map((r) => r.publicId)).toContain(contract.publicId);
      expect((await getContractDetails(database, viewer!, contract.publicId, "issuer")).publicId).toBe(contract.publicId);
    }
    // A wrong session version is refused by the same prepared statement: nothing is cached but the plan.
    expect(await loadViewer(database, { userId: d.user.id, sessionVersion: 2 })).toBeNull();
    // A value the database refuses fails as it did unprepared, and the statement keeps working afterwards.
    await expect(loadViewer(database, { userId: "not-a-uuid", sessionVersion: 1 })).rejects.toThrow();
    expect(await loadViewer(database, { userId: d.user.id, sessionVersion: 1 })).not.toBeNull();

    if ((await dbDriver()) === "pglite") {
      // One connection: the session's named statements are visible to the next query.
      const named = rowsOf<{ name: string; statement: string }>(
        await database.execute(sql`select name, statement from pg_prepared_statements where name like 'scp_%'`),
      );
      expect(named.some((s) => s.statement.includes("from users u") && s.statement.includes("memberships m"))).toBe(true);
      expect(named.some((s) => s.statement.includes("from contracts c") && s.statement.includes("jsonb_agg"))).toBe(true);
      expect(named.some((s) => s.statement.includes('from "contracts"') && s.statement.includes('"agreements"'))).toBe(true);
    }
  });
});
