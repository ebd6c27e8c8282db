import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contracts } from "@/db/schema";
import { newId } from "@/lib/ids";
import { db, makeAccount, makeAgreement, makeContract } from "@/tests/support/factories";
import { decodeCursor } from "@/lib/data/keyset";
import { contractsPageQuery, listContracts, listContractsSchema, rarestWord } from "./list-contracts";

type Who = Awaited<ReturnType<typeof makeAccount>>;

/** Copies of a real contract with chosen timestamps: many rows fast, and ties on created_at. */
async function cloneContracts(sourceId: string, createdAt: Date[], extra: Partial<typeof contracts.$inferInsert> = {}) {
  const database = await db();
  const [src] = await database.select().from(contracts).where(eq(contracts.id, sourceId));
  const { id: _id, publicId: _p, tokenHash: _h, creationKey: _k, ...rest } = src;
  return database
    .insert(contracts)
    .values(createdAt.map((c) => ({ ...rest, ...extra, publicId: newId.contract(), createdAt: c, updatedAt: c })))
    .returning({ id: contracts.id, publicId: contracts.publicId });
}

describe("listContracts", () => {
  let issuer: Who;
  let other: Who;
  let reseller: Who;
  let ids: Record<string, string> = {};
  beforeAll(async () => {
    issuer = await makeAccount({ name: "Issuer Distribution Inc." });
    other = await makeAccount({ name: "Other Distribution Inc." });
    reseller = await makeAccount({ role: "reseller", name: "Contoso Reselling LLC" });
    const cloud = (await makeAgreement(issuer, { name: "Cloud Reseller Terms" })).agreement.publicId;
    const hosting = (await makeAgreement(issuer, { name: "Hosting Partner Terms" })).agreement.publicId;
    const foreign = (await makeAgreement(other, { name: "Cloud Reseller Terms" })).agreement.publicId;
    ids = {
      pendingTest: (await makeContract(issuer, cloud, { kind: "test", signeeEmail: "Jane.Doe@Example.com" })).publicId,
      pendingProd: (await makeContract(issuer, hosting)).publicId,
      active: (await makeContract(issuer, hosting, { signeeEmail: "owner@contoso.test" })).publicId,
      foreign: (await makeContract(other, foreign, { signeeEmail: "jane.doe@example.com" })).publicId,
    };
    await (
      await db()
    )
      .update(contracts)
      .set({ status: "active", ownerAccountId: reseller.account.id, signeeUserId: reseller.user.id })
      .where(eq(contracts.publicId, ids.active));
  });

  const idsOf = async (input: Parameters<typeof listContracts>[2]) =>
    (await listContracts(await db(), issuer.viewer, input)).rows.map((r) => r.publicId);

  it("lists only the caller's contracts, newest first, with agreement and partner", async () => {
    const page = await listContracts(await db(), issuer.viewer);
    expect(page.rows.map((r) => r.publicId)).toEqual([ids.active, ids.pendingProd, ids.pendingTest]);
    expect(page.rows[0]).toMatchObject({
      agreementName: "Hosting Partner Terms",
      partner: { name: "Contoso Reselling LLC", invited: false },
      status: "active",
    });
    expect(page.rows[1].partner).toBeNull();
    expect(page.rows[2].partner).toEqual({ name: "jane.doe@example.com", invited: true });
    expect(page.nextCursor).toBeNull();
    expect(page.prevCursor).toBeNull();
    expect((await listContracts(await db(), other.viewer)).rows.map((r) => r.publicId)).toEqual([ids.foreign]);
  });

  it("filters by status and by kind", async () => {
    expect(await idsOf({ status: "active" })).toEqual([ids.active]);
    expect(await idsOf({ status: "pending", kind: "production" })).toEqual([ids.pendingProd]);
    expect(await idsOf({ kind: "test" })).toEqual([ids.pendingTest]);
    expect(await idsOf({ status: "rejected" })).toEqual([]);
  });

  it("searches by contract ID prefix, agreement name or ID, partner name and signee email, never across tenants", async () => {
    expect(await idsOf({ q: ids.pendingProd })).toEqual([ids.pendingProd]);
    expect(await idsOf({ q: ids.pendingProd.slice(0, 8).toLowerCase() })).toContain(ids.pendingProd);
    expect(await idsOf({ q: ids.foreign })).toEqual([]);
    expect(await idsOf({ q: "cloud reseller" })).toEqual([ids.pendingTest]);
    expect(await idsOf({ q: "hosting" })).toEqual([ids.active, ids.pendingProd]);
    expect(await idsOf({ q: "contoso" })).toEqual([ids.active]);
    expect(await idsOf({ q: "JANE.DOE" })).toEqual([ids.pendingTest]);
    expect(await idsOf({ q: "%" })).toEqual([]);
  });

  it("matches a partner's whole name as typed, however common its words", async () => {
    // The index is asked for the rarest-looking word only; the whole text is still what must match.
    expect(rarestWord("Reseller 421")).toBe("421");
    expect(rarestWord("Contoso Reselling")).toBe("Reselling");
    expect(rarestWord("a b")).toBeNull();
    expect(await idsOf({ q: "Contoso Reselling" })).toEqual([ids.active]);
    expect(await idsOf({ q: "Reselling LLC" })).toEqual([ids.active]);
    expect(await idsOf({ q: "Reselling Contoso" })).toEqual([]);
  });

  it("finds a contract by any part of its ID, as people copy it from a screen or a mail", async () => {
    const [, middle, last] = ids.pendingProd.split("-");
    expect(await idsOf({ q: middle })).toContain(ids.pendingProd);
    expect(await idsOf({ q: `${middle}-${last.slice(0, 2)}` })).toContain(ids.pendingProd);
    expect(await idsOf({ q: last.slice(1, 4) })).toContain(ids.pendingProd);
    const [, foreignMiddle] = ids.foreign.split("-");
    expect(await idsOf({ q: foreignMiddle })).not.toContain(ids.foreign);
  });

  it("never matches text that runs across two fields (ID, company, email are kept apart)", async () => {
    const [{ text }] = await (
      await db()
    )
      .select({ text: contracts.searchText })
      .from(contracts)
      .where(eq(contracts.publicId, ids.pendingTest));
    const gap = text!.indexOf("\u001f");
    // The end of the ID and the start of what follows it, with and without the separator typed in.
    const across = text!.slice(gap - 3, gap) + text!.slice(gap, gap + 6);
    expect(across).toContain("\u001f");
    expect(await idsOf({ q: across })).toEqual([]);
    expect(await idsOf({ q: across.replaceAll("\u001f", "") })).toEqual([]);
    expect(await idsOf({ q: text!.slice(gap - 3, gap) })).toContain(ids.pendingTest);
  });

  it("ignores a tampered cursor and clamps the page size", async () => {
    expect(await idsOf({ cursor: "not-a-cursor" })).toHaveLength(3);
    expect(decodeCursor(Buffer.from("next|2020-01-01T00:00:00.000000Z|1; drop table contracts").toString("base64url"))).toBeNull();
    expect((await listContracts(await db(), issuer.viewer, { limit: 100_000 })).rows.length).toBeLessThanOrEqual(100);
  });

  it("returns every row exactly once across pages while new contracts keep arriving", async () => {
    const pager = await makeAccount();
    const agreement = (await makeAgreement(pager)).agreement.publicId;
    const seed = await makeContract(pager, agreement);
    const base = Date.parse("2026-01-01T00:00:00Z");
    // 34 rows, with runs of identical created_at so the id tie-breaker matters.
    const times = Array.from({ length: 33 }, (_, i) => new Date(base - Math.floor(i / 3) * 1000));
    await cloneContracts(seed.id, times);
    const expected = (
      await (await db()).select({ p: contracts.publicId }).from(contracts).where(eq(contracts.issuerAccountId, pager.account.id))
    ).map((r) => r.p);
    expect(expected).toHaveLength(34);

    const seen: string[] = [];
    const pages: string[][] = [];
    const cursors: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listContracts(await db(), pager.viewer, { limit: 10, cursor });
      pages.push(page.rows.map((r) => r.publicId));
      seen.push(...pages[pages.length - 1]);
      await makeContract(pager, agreement); // arrives between page fetches, newer than every cursor
      await cloneContracts(seed.id, [new Date()]);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
      cursors.push(cursor);
    }
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 4]);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());

    // Previous page from page 2 is page 1 again; newer rows arrived meanwhile, so there is a page before it.
    const second = await listContracts(await db(), pager.viewer, { limit: 10, cursor: cursors[0] });
    const back = await listContracts(await db(), pager.viewer, { limit: 10, cursor: second.prevCursor! });
    expect(back.rows.map((r) => r.publicId)).toEqual(pages[0]);
    expect(back.prevCursor).not.toBeNull();
    expect((await listContracts(await db(), pager.viewer, { limit: 10, cursor: back.prevCursor! })).rows.length).toBeGreaterThan(0);
  });

  it("sorts by Created or Updated either way, paging each order forwards and back without repeats", async () => {
    const sorter = await makeAccount();
    const agreement = (await makeAgreement(sorter)).agreement.publicId;
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await makeContract(sorter, agreement)).publicId);
    // Updated runs the other way round from Created: the oldest contract was changed last.
    const database = await db();
    for (const [i, publicId] of made.entries())
      await database
        .update(contracts)
        .set({ updatedAt: new Date(Date.parse("2026-06-01T00:00:00Z") - i * 60_000) })
        .where(eq(contracts.publicId, publicId));
    const all = async (sort: string) => {
      const seen: string[] = [];
      const cursors: (string | undefined)[] = [undefined];
      for (let cursor: string | undefined; ;) {
        const page = await listContracts(database, sorter.viewer, { sort: sort as never, limit: 10, cursor });
        seen.push(...page.rows.map((r) => r.publicId));
        if (!page.nextCursor) return { seen, cursors };
        cursor = page.nextCursor;
        cursors.push(cursor);
      }
    };
    const newest = [...made].reverse();
    expect((await all("-created")).seen).toEqual(newest);
    expect((await all("created")).seen).toEqual(made);
    expect((await all("-updated")).seen).toEqual(made);
    expect((await all("updated")).seen).toEqual(newest);
    expect((await all("nonsense")).seen).toEqual(newest);

    // Oldest first over two pages (the smallest page is ten rows), then Previous back to the first.
    const more: string[] = [...made];
    for (let i = 0; i < 8; i++) more.push((await makeContract(sorter, agreement)).publicId);
    const first = await listContracts(database, sorter.viewer, { sort: "created", limit: 10 });
    expect(first.rows.map((r) => r.publicId)).toEqual(more.slice(0, 10));
    const second = await listContracts(database, sorter.viewer, { sort: "created", limit: 10, cursor: first.nextCursor! });
    expect(second.rows.map((r) => r.publicId)).toEqual(more.slice(10));
    expect(second.nextCursor).toBeNull();
    const back = await listContracts(database, sorter.viewer, { sort: "created", limit: 10, cursor: second.prevCursor! });
    expect(back.rows.map((r) => r.publicId)).toEqual(more.slice(0, 10));
  });

  it("reads pages from the issuer indexes in order, without sorting the issuer's contracts", async () => {
    const database = await db();
    const planOf = async (input: Parameters<typeof listContracts>[2], dir?: "prev", off: string[] = []) =>
      database.transaction(async (tx) => {
        // Tiny test tables make a sequential scan cheapest; forbid it to see which order the index can give.
        await tx.execute(sql`set local enable_seqscan = off`);
        for (const setting of off) await tx.execute(sql.raw(`set local ${setting} = off`));
        const cursor = dir ? { t: "2030-01-01T00:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000", dir } : null;
        return JSON.stringify(
          await tx.execute(sql`explain ${contractsPageQuery(tx, issuer.viewer, listContractsSchema.parse(input), cursor)}`),
        );
      });
    for (const [input, index] of [
      [{}, "contracts_issuer_created_idx"],
      [{ status: "pending" }, "contracts_issuer_status_created_idx"],
      [{ kind: "test" }, "contracts_issuer_kind_created_idx"],
      [{ sort: "created" }, "contracts_issuer_created_idx"],
      [{ sort: "-updated" }, "contracts_issuer_updated_idx"],
      [{ sort: "updated" }, "contracts_issuer_updated_idx"],
    ] as const) {
      const plan = await planOf(input);
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/Sort Key/);
    }
    expect(await planOf({}, "prev")).not.toMatch(/Sort Key/);
    // A search can test the issuer's contracts newest first from the covering index alone (no table rows read:
    // index-only), then read its page's rows. Tiny test tables tie it with a plain index scan, so only the
    // index-only walk is left to the planner here; at scale it is the cheapest (docs/notes/bench.md).
    for (const q of ["contoso", "CRS-1"]) {
      const plan = await planOf({ q }, undefined, ["enable_indexscan", "enable_bitmapscan"]);
      expect(plan).toMatch(/Index Only Scan (Backward )?using contracts_issuer_search_idx/);
      expect(plan).toMatch(/search_text ~~/);
    }
  });
});
