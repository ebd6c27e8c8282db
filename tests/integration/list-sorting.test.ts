import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { columnSort } from "@/components/ui/column-sort";
import { accounts, agreements, contracts } from "@/db/schema";
import { listAgreements } from "@/lib/agreements/list-agreements";
import { listPartners } from "@/lib/directory/list-partners";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "@/tests/support/factories";

// Issue 16: sortable headers on the Agreements and Directory tables (the Contracts tab's are in
// lib/contracts/list-contracts.test.ts). Sorting happens on the server and pages keep the order.

type Who = Awaited<ReturnType<typeof makeAccount>>;

describe("sortable headers", () => {
  it("a header's link sorts its natural way first, the other way on the next click, and keeps the filters", () => {
    const words = { asc: "A to Z", desc: "Z to A" };
    const base = { path: "/partners/directory", keep: { q: "acme", status: undefined }, column: "name", defaultSort: "-created", words };
    const first = columnSort({ ...base, current: "-created", first: "asc" });
    expect(first).toEqual({ href: "/partners/directory?q=acme&sort=name", state: "none", next: "A to Z" });
    const second = columnSort({ ...base, current: "name", first: "asc" });
    expect(second).toEqual({ href: "/partners/directory?q=acme&sort=-name", state: "ascending", next: "Z to A" });
    expect(columnSort({ ...base, current: "-name", first: "asc" }).state).toBe("descending");
    // Back to the list's default order: no sort parameter at all.
    const created = columnSort({
      ...base,
      column: "created",
      current: "created",
      first: "desc",
      words: { asc: "oldest first", desc: "newest first" },
    });
    expect(created).toEqual({ href: "/partners/directory?q=acme", state: "ascending", next: "newest first" });
  });

  describe("Agreements, by Updated", () => {
    let owner: Who;
    const made: string[] = [];
    beforeAll(async () => {
      owner = await makeAccount();
      const database = await db();
      for (let i = 0; i < 23; i++) {
        const { agreement } = await makeAgreement(owner, { name: `Sorted ${i}` });
        await database
          .update(agreements)
          .set({ updatedAt: new Date(Date.parse("2026-03-01T00:00:00Z") + i * 60_000) })
          .where(eq(agreements.id, agreement.id));
        made.push(agreement.publicId);
      }
    });

    const all = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await listAgreements(await db(), owner.viewer, { sort: sort as never, limit: 10, cursor });
        seen.push(...page.rows.map((r) => r.publicId));
        if (!page.nextCursor) return seen;
        cursor = page.nextCursor;
      }
    };

    it("most recently changed first by default, least recently changed first on request, across pages", async () => {
      expect(await all("-updated")).toEqual([...made].reverse());
      expect(await all("updated")).toEqual(made);
      expect(await all("sideways")).toEqual([...made].reverse());
    });

    it("Previous page in the oldest-first order gives the first page back", async () => {
      const first = await listAgreements(await db(), owner.viewer, { sort: "updated", limit: 10 });
      const second = await listAgreements(await db(), owner.viewer, { sort: "updated", limit: 10, cursor: first.nextCursor! });
      const back = await listAgreements(await db(), owner.viewer, { sort: "updated", limit: 10, cursor: second.prevCursor! });
      expect(back.rows.map((r) => r.publicId)).toEqual(first.rows.map((r) => r.publicId));
      expect(first.rows.map((r) => r.publicId)).toEqual(made.slice(0, 10));
    });
  });

  describe("Directory, by Partner and by Created", () => {
    let issuer: Who;
    beforeAll(async () => {
      issuer = await makeAccount();
      const agreement = (await makeAgreement(issuer)).agreement.publicId;
      const database = await db();
      const names = ["Delta Resale LLC", "alpha Cloud Inc.", "Charlie IT GmbH", "Bravo Systems Ltd"];
      for (const [i, name] of names.entries()) {
        const { contract } = await makeActiveContract(await makeContract(issuer, agreement), { name });
        // The partner's "Created" is its account's; make it follow the list order above.
        const [row] = await database.select({ owner: contracts.ownerAccountId }).from(contracts).where(eq(contracts.id, contract.id));
        await database
          .update(accounts)
          .set({ createdAt: new Date(Date.parse("2026-02-01T00:00:00Z") + i * 86_400_000) })
          .where(eq(accounts.id, row.owner!));
      }
    });

    const names = async (sort: string) => (await listPartners(await db(), issuer.viewer, { sort: sort as never })).rows.map((r) => r.name);

    it("sorts by name either way (case aside) and by creation either way; the default stays newest first", async () => {
      expect(await names("name")).toEqual(["alpha Cloud Inc.", "Bravo Systems Ltd", "Charlie IT GmbH", "Delta Resale LLC"]);
      expect(await names("-name")).toEqual(["Delta Resale LLC", "Charlie IT GmbH", "Bravo Systems Ltd", "alpha Cloud Inc."]);
      expect(await names("created")).toEqual(["Delta Resale LLC", "alpha Cloud Inc.", "Charlie IT GmbH", "Bravo Systems Ltd"]);
      expect(await names("-created")).toEqual(["Bravo Systems Ltd", "Charlie IT GmbH", "alpha Cloud Inc.", "Delta Resale LLC"]);
      expect(await names("'; drop table contracts; --")).toEqual(await names("-created"));
    });
  });
});
