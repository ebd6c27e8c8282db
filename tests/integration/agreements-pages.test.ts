import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import AgreementsPage from "@/app/(portal)/partners/agreements/(list)/page";
import { listAgreements } from "@/lib/agreements/list-agreements";
import { actAs, db, makeAccount, makeAgreement } from "@/tests/support/factories";

type Account = Awaited<ReturnType<typeof makeAccount>>;
let owner: Account;

beforeAll(async () => {
  owner = await makeAccount();
  // 23 agreements: two pages of 20 on screen, five pages of 5 in the domain test.
  for (let i = 1; i <= 23; i++) await makeAgreement(owner, { name: `Paged Terms ${String(i).padStart(2, "0")}` });
});

/** The href of the link whose text includes `text` (icons beside it allowed), or undefined when there is no such link. */
const linkHref = (html: string, text: string) =>
  [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/g)]
    .find((m) => m[2].replace(/<[^>]+>/g, "").trim() === text)?.[1]
    .replaceAll("&amp;", "&");

const names = (page: Awaited<ReturnType<typeof listAgreements>>) => page.rows.map((r) => r.name);

describe("Agreements list pages", () => {
  it("goes forward with Next page and back with Previous page, each row on exactly one page", async () => {
    const d = await db();
    const forward = [await listAgreements(d, owner.viewer, { limit: 5 })];
    expect(forward[0].prevCursor).toBeNull();
    while (forward.at(-1)!.nextCursor)
      forward.push(await listAgreements(d, owner.viewer, { limit: 5, cursor: forward.at(-1)!.nextCursor! }));
    expect(forward.map(names).flat()).toHaveLength(23);
    expect(new Set(forward.map(names).flat()).size).toBe(23);
    // Back from the last page to the first, each Previous page equal to the page seen going forward.
    let page = forward.at(-1)!;
    for (let i = forward.length - 2; i >= 0; i--) {
      expect(page.prevCursor).not.toBeNull();
      page = await listAgreements(d, owner.viewer, { limit: 5, cursor: page.prevCursor! });
      expect(names(page)).toEqual(names(forward[i]));
    }
    expect(page.prevCursor).toBeNull();
    expect(page.nextCursor).not.toBeNull();
  });

  it("shows Previous page on the screen after Next page, keeping the search", async () => {
    actAs(owner);
    const render = async (sp: Record<string, string>) => renderToStaticMarkup(await AgreementsPage({ searchParams: Promise.resolve(sp) }));
    const first = await render({ q: "Paged" });
    expect(linkHref(first, "Previous page")).toBeUndefined();
    const next = linkHref(first, "Next page");
    expect(next).toMatch(/^\/partners\/agreements\?q=Paged&cursor=/);
    const second = await render(Object.fromEntries(new URL(next!, "http://x").searchParams));
    expect(linkHref(second, "Next page")).toBeUndefined();
    const prev = linkHref(second, "Previous page");
    expect(prev).toMatch(/^\/partners\/agreements\?q=Paged&cursor=/);
    const back = await render(Object.fromEntries(new URL(prev!, "http://x").searchParams));
    expect(back).toContain("Paged Terms 23");
    expect(back).not.toContain("Paged Terms 03");
    expect(linkHref(back, "Previous page")).toBeUndefined();
    // The row count and the page's state are said in words.
    expect(back).toContain("20 agreements on this page");
  });
});
