import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { STAFF, seedBench } from "@/bench/seed";
import { authenticate } from "@/lib/accounts/authenticate";
import { decodeCursor, encodeCursor } from "@/lib/data/keyset";
import { publicIdPattern } from "@/lib/ids";
import { hashToken } from "@/lib/security/tokens";
import { rowsOf } from "@/db/query";
import { db } from "../support/factories";

const sizes = { contracts: 3000, resellers: 300 };
const quiet = () => {};

describe("benchmark seeding", () => {
  // Seeds 3,000 contracts: a minute alone, more on a busy machine.
  it(
    "creates the distributor, its resellers and contracts with valid, unique public IDs and a realistic spread",
    { timeout: 240_000 },
    async () => {
      const d = await db();
      const data = await seedBench(d, sizes, quiet);
      const q = async <T>(text: string) => rowsOf<T>(await d.execute(sql.raw(text)));

      const [counts] = await q<{ contracts: number; distinct_ids: number; resellers: number; signed: number }>(
        `select (select count(*)::int from contracts) as contracts, (select count(distinct public_id)::int from contracts) as distinct_ids,
              (select count(*)::int from accounts where role = 'reseller') as resellers, (select count(*)::int from contract_versions) as signed`,
      );
      expect(counts).toMatchObject({ contracts: 3000, distinct_ids: 3000, resellers: 300 });
      const ids = await q<{ public_id: string }>(`select public_id from contracts limit 50`);
      for (const { public_id } of ids) expect(public_id).toMatch(publicIdPattern.contract);
      const accountsIds = await q<{ public_id: string }>(`select public_id from accounts limit 50`);
      for (const { public_id } of accountsIds) expect(public_id).toMatch(publicIdPattern.account);

      const spread = await q<{ status: string; n: number }>(`select status, count(*)::int as n from contracts group by status`);
      const share = Object.fromEntries(spread.map((r) => [r.status, r.n / 3000]));
      expect(share.active).toBeCloseTo(0.4, 1);
      expect(share.pending).toBeCloseTo(0.3, 1);
      expect(counts.signed).toBe(spread.filter((r) => r.status === "active" || r.status === "terminated").reduce((a, r) => a + r.n, 0));

      // The activation tokens handed to the harness match what the contracts store.
      expect(data.tokens.length).toBe(200);
      const [withToken] = await q<{ n: number }>(
        `select count(*)::int as n from contracts where status = 'pending' and token_hash = '${hashToken(data.tokens[0])}'`,
      );
      expect(withToken.n).toBe(1);
      // The deep cursor is a real position 90 % down the list, in the list's own cursor format.
      expect(decodeCursor(encodeCursor({ ...data.deep!, dir: "next" }))).toEqual({ ...data.deep, dir: "next" });
      const [below] = await q<{ n: number }>(
        `select count(*)::int as n from contracts where (created_at, id) < ('${data.deep!.t}'::timestamptz, '${data.deep!.id}'::uuid)`,
      );
      expect(below.n).toBe(3000 - 2700 - 1);

      const signIn = await authenticate(d, { email: STAFF.email, password: STAFF.password, ip: "127.0.0.1", userAgent: "bench" });
      expect(signIn.status).toBe("ok");
    },
  );

  it("reuses a complete seeding and starts over when the sizes change", async () => {
    const d = await db();
    await seedBench(d, sizes, quiet);
    const [before] = rowsOf<{ id: string }>(await d.execute(sql`select id from contracts order by id limit 1`));
    const logs: string[] = [];
    await seedBench(d, sizes, (m) => logs.push(m));
    expect(logs.join()).toContain("reusing");
    const [after] = rowsOf<{ id: string }>(await d.execute(sql`select id from contracts order by id limit 1`));
    expect(after.id).toBe(before.id);

    await seedBench(d, { contracts: 1000, resellers: 100 }, quiet);
    const [n] = rowsOf<{ n: number }>(await d.execute(sql`select count(*)::int as n from contracts`));
    expect(n.n).toBe(1000);
  });
});
