import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ContractsTable } from "@/components/contracts/list/contracts-table";
import type { ContractListRow } from "@/lib/contracts/list-contracts";
import { attrs, escapeHtml, markup } from "@/lib/html";
import { hostileString, HOSTILE_STRINGS } from "../support/hostile";
import { withIntl } from "../support/intl";

// The Contracts list writes its rows as markup (lib/html.ts), not as React elements (issue 23). Names come
// from other accounts (a reseller's company name, an invited company, an agreement's name): whatever they
// hold must come out as text, exactly where a React text node would have put it.

const unescape = (s: string) =>
  s.replace(/&lt;|&gt;|&quot;|&#39;|&amp;/g, (e) => ({ "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" })[e]!);

const row = (over: Partial<ContractListRow> = {}): ContractListRow => ({
  publicId: "CRS-12345-67890-12345",
  agreementName: "Reseller Agreement",
  agreementPublicId: "AGS-123-456-789",
  partner: { name: "Acme", invited: false },
  kind: "production",
  status: "active",
  createdAt: new Date("2026-03-10T09:00:05Z"),
  updatedAt: new Date("2026-03-10T09:00:05Z"),
  promotedTo: null,
  promotedFrom: null,
  ...over,
});
const table = (rows: ContractListRow[]) => renderToStaticMarkup(withIntl(createElement(ContractsTable, { rows })));
const MARK = "PLACEHOLDERNAME";

describe("lib/html.ts", () => {
  it("escapes every interpolated value and keeps markup made by html as is", () => {
    const name = `<img src=x onerror="alert(1)">'&`;
    expect(markup`<td>${name}</td>`.html).toBe("<td>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;</td>");
    expect(markup`<p>${markup`<b>${name}</b>`}</p>`.html).toBe(`<p><b>${escapeHtml(name)}</b></p>`);
    expect(markup`${[null, false, undefined, "a", 1, ["<", markup`<i></i>`]]}`.html).toBe("a1&lt;<i></i>");
    expect(attrs({ "data-label": `x" onclick="y`, class: undefined }).html).toBe(' data-label="x&quot; onclick=&quot;y"');
  });

  it("any text survives escaping and comes back unchanged, with no character that could open a tag or end an attribute", () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(unescape(e)).toBe(s);
      }),
    );
  });
});

describe("Contracts list rows written as markup", () => {
  it("shows a hostile partner, invited company or agreement name as text, in the same place as a plain name", () => {
    const plain = table([row({ partner: { name: MARK, invited: false }, agreementName: MARK })]);
    const plainInvited = table([row({ partner: { name: MARK, invited: true } })]);
    fc.assert(
      fc.property(hostileString, (name) => {
        expect(table([row({ partner: { name, invited: false }, agreementName: name })])).toBe(plain.replaceAll(MARK, escapeHtml(name)));
        expect(table([row({ partner: { name, invited: true } })])).toBe(plainInvited.replaceAll(MARK, escapeHtml(name)));
      }),
      { numRuns: 60 },
    );
    for (const name of HOSTILE_STRINGS.filter((s) => s.includes("<")))
      expect(table([row({ partner: { name, invited: false } })])).not.toContain(name);
  });

  it("writes the cells the React table wrote: the contract link, the chain, labelled cells, badges and times", () => {
    const markup = table([row({ promotedFrom: "CRS-11111-22222-33333", kind: "test", status: "pending" })]);
    expect(markup).toContain('<a class="data-id" href="/partners/contracts/CRS-12345-67890-12345">CRS-12345-67890-12345</a>');
    expect(markup).toMatch(/Promoted from <a [^>]*href="\/partners\/contracts\/CRS-11111-22222-33333">CRS-11111-22222-33333<\/a>/i);
    expect(markup).toMatch(/<td data-label="Kind" class="data-cell"><span class="badge badge-test">Test<\/span><\/td>/);
    expect(markup).toMatch(/<td data-label="Status" class="data-cell"><span class="badge badge-pending">Pending<\/span><\/td>/);
    expect(markup).toMatch(
      /<td data-label="Created" class="data-cell"><time datetime="2026-03-10T09:00:05.000Z" title="Mar 10, 2026, 09:00:05 UTC" class="relative-time">[^<]+ ago<\/time><\/td>/,
    );
    // The primary cell is the card's title on a phone: no label.
    expect(markup).toMatch(/<tr class="data-row"><td class="data-cell-primary"><a /);
  });
});
