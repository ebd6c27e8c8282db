import { renderToStaticMarkup } from "react-dom/server";
import { renderPage } from "@/tests/support/render";
import { beforeEach, describe, expect, it, vi } from "vitest";
import ContractDetailsPage from "@/app/(portal)/partners/contracts/[publicId]/page";
import ContractsPage from "@/app/(portal)/partners/contracts/(list)/page";
import { queryCount } from "@/db/client";
import { PAGE_PATH_HEADER } from "@/lib/page-path";
import { actAs, makeAccount, makeAgreement, makeContract } from "@/tests/support/factories";
import { NotFoundSignal, RedirectSignal, request } from "@/tests/support/next";

// Next caches `cache()`d functions per request; outside a server render React's `cache` does not cache.
// Here a no-argument `cache()`d function (the request's viewer and page data) is cached per render below.
const requestScope = vi.hoisted(() => ({ id: 0 }));
vi.mock("react", async (importOriginal) => {
  const React = await importOriginal<typeof import("react")>();
  const cache = <A extends unknown[], R>(fn: (...args: A) => R) => {
    let scope = -1;
    let value: R;
    return (...args: A): R => {
      if (args.length > 0) return fn(...args);
      if (scope !== requestScope.id) [scope, value] = [requestScope.id, fn(...args)];
      return value;
    };
  };
  return { ...React, cache };
});

// Issue 23: the contract details page and the Contracts list are each ONE statement: the viewer (session version, memberships,
// permissions from active contracts) folded into the page's own query (lib/page-data.ts).
async function render(publicId: string, tab?: string): Promise<{ html: string; statements: number }> {
  request.headers.set(PAGE_PATH_HEADER, `/partners/contracts/${publicId}`);
  requestScope.id++;
  const before = queryCount();
  const element = await ContractDetailsPage({ params: Promise.resolve({ publicId }), searchParams: Promise.resolve({ tab }) });
  const statements = queryCount() - before;
  return { html: await renderPage(element), statements };
}

describe("contract details page statements", () => {
  let d: Awaited<ReturnType<typeof makeAccount>>;
  beforeEach(async () => {
    d = await makeAccount({ role: "distributor" });
  });

  it("shows a contract, with its follow-up, in one statement", async () => {
    const { agreement } = await makeAgreement(d);
    const contract = await makeContract(d, agreement.publicId);
    actAs(d);
    const { html, statements } = await render(contract.publicId);
    expect(html).toContain(contract.publicId);
    expect(statements).toBe(1);
  });

  it("answers another tenant's contract as not found, and a stale session with sign-in, without a second statement", async () => {
    const other = await makeAccount({ role: "distributor" });
    const { agreement } = await makeAgreement(other);
    const theirs = await makeContract(other, agreement.publicId);
    actAs(d);
    request.headers.set(PAGE_PATH_HEADER, `/partners/contracts/${theirs.publicId}`);
    requestScope.id++;
    const before = queryCount();
    await expect(
      ContractDetailsPage({ params: Promise.resolve({ publicId: theirs.publicId }), searchParams: Promise.resolve({}) }),
    ).rejects.toBeInstanceOf(NotFoundSignal);
    expect(queryCount() - before).toBe(1);

    actAs({ ...other, user: { ...other.user, sessionVersion: 2 } });
    request.headers.set(PAGE_PATH_HEADER, `/partners/contracts/${theirs.publicId}`);
    requestScope.id++;
    await expect(
      ContractDetailsPage({ params: Promise.resolve({ publicId: theirs.publicId }), searchParams: Promise.resolve({}) }),
    ).rejects.toBeInstanceOf(RedirectSignal);
  });
});

describe("Contracts list statements", () => {
  it("lists the account's contracts in one statement, filtered too; a search in two", async () => {
    const d = await makeAccount({ role: "distributor" });
    const other = await makeAccount({ role: "distributor" });
    const { agreement } = await makeAgreement(d);
    const mine = [await makeContract(d, agreement.publicId), await makeContract(d, agreement.publicId)];
    const theirs = await makeContract(other, (await makeAgreement(other)).agreement.publicId);
    actAs(d);
    for (const [query, sp] of [
      ["", {}],
      ["?status=pending&sort=created", { status: "pending", sort: "created" }],
      [`?q=${mine[0].publicId}`, { q: mine[0].publicId }],
    ] as const) {
      request.headers.set(PAGE_PATH_HEADER, `/partners/contracts${query}`);
      requestScope.id++;
      const before = queryCount();
      const element = await ContractsPage({ searchParams: Promise.resolve(sp) });
      // A search: the viewer's statement, then the list's (folded, its subqueries ran per row).
      expect(queryCount() - before).toBe("q" in sp ? 2 : 1);
      const html = renderToStaticMarkup(element);
      expect(html).toContain(mine[0].publicId);
      expect(html.includes(mine[1].publicId)).toBe(!("q" in sp));
      expect(html).not.toContain(theirs.publicId);
    }
  });
});

describe("Contracts list rows per page", () => {
  it("shows 10 rows for ?limit=10, in the same one statement, and its Next link keeps the 10", async () => {
    const d = await makeAccount({ role: "distributor" });
    const { agreement } = await makeAgreement(d);
    for (let i = 0; i < 12; i++) await makeContract(d, agreement.publicId);
    actAs(d);
    request.headers.set(PAGE_PATH_HEADER, "/partners/contracts?limit=10");
    requestScope.id++;
    const before = queryCount();
    const element = await ContractsPage({ searchParams: Promise.resolve({ limit: "10" }) });
    expect(queryCount() - before).toBe(1);
    const html = renderToStaticMarkup(element);
    expect(html.match(/href="\/partners\/contracts\/CRS-/g)).toHaveLength(10);
    expect(html).toMatch(/href="\/partners\/contracts\?limit=10&amp;cursor=[^"]+"/);
  });
});
