// Issue 20: concurrent writers of one contract's events never fork its hash chain. On PostgreSQL the
// transactions really overlap (pool raised below; each holds its transaction open a moment after its insert):
// the trigger's advisory lock makes them take turns and each links to the committed end of the chain.
process.env.DATABASE_POOL_SIZE = "30";

import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifySubjectChain } from "@/lib/audit/event-chain";
import { recordEvent } from "@/lib/audit/record-event";
import { db } from "@/tests/support/factories";
import { onPostgres } from "@/tests/support/setup-db";

describe(`event chain under concurrent writers (${onPostgres ? "PostgreSQL" : "PGlite, serialized"})`, () => {
  it("20 transactions adding an event to one contract at once: 20 links, one chain, intact", async () => {
    const d = await db();
    const subjectId = randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        d.transaction(async (tx) => {
          await recordEvent(
            tx,
            { userId: null, accountId: null },
            {
              type: "contract.link_emailed",
              subjectType: "contract",
              subjectId,
              subjectPublicId: "CRS-RACE",
              data: { to: `r${i}@example.test` },
            },
          );
          if (onPostgres) await tx.execute(sql`select pg_sleep(0.02)`);
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const report = await verifySubjectChain(d, subjectId);
    expect(report).toMatchObject({ events: 20, broken: null });
  });
});
