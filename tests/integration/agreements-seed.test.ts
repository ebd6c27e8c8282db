import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, agreements, agreementVersions } from "@/db/schema";
import { publicIdPattern } from "@/lib/ids";
import { DEMO_AGREEMENT_NAME } from "@/lib/seed/seed-demo-agreement";
import { DEMO, seedDemo } from "@/lib/seed/seed-demo";
import { sha256Hex } from "@/lib/security/tokens";
import { db } from "../support/factories";

describe("demo seed agreement", () => {
  it("creates one service agreement with an active version 1 and an inactive version 2, once", async () => {
    const database = await db();
    await seedDemo(database);
    await seedDemo(database);
    const [account] = await database.select().from(accounts).where(eq(accounts.name, DEMO.accountName));
    const rows = await database
      .select()
      .from(agreements)
      .where(and(eq(agreements.ownerAccountId, account.id), eq(agreements.name, DEMO_AGREEMENT_NAME)));
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe("service");
    expect(rows[0].publicId).toMatch(/^AGS-/);
    expect(rows[0].publicId).toMatch(publicIdPattern.agreement);
    const versions = await database
      .select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, rows[0].id))
      .orderBy(asc(agreementVersions.number));
    expect(versions.map((v) => [v.number, v.active])).toEqual([
      [1, true],
      [2, false],
    ]);
    for (const v of versions) {
      expect(v.sha256).toBe(sha256Hex(v.content));
      for (const heading of ["Scope", "obligations", "Fees", "Term and termination", "Liability", "Governing law"]) {
        expect(v.content).toContain(heading);
      }
    }
  });
});
