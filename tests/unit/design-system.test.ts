import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Stepper } from "@/components/activation/stepper";
import { navSections } from "@/components/shell/nav-sections";
import { RelativeTime } from "@/components/ui/relative-time";
import { DataTable, type Column } from "@/components/ui/table-shell";
import { ALL_PERMISSIONS, NO_PERMISSIONS } from "@/lib/permissions";

const programOnly = { agreement: { program: { create: true }, service: { create: false, delegate: false } } };

describe("sidebar sections", () => {
  it("a distributor sees the three Partners pages and the account's Settings", () => {
    const sections = navSections({ role: "distributor", permissions: ALL_PERMISSIONS });
    expect(sections.map((s) => s.label)).toEqual(["Partners", "Account"]);
    expect(sections[0].links.map((l) => [l.label, l.href])).toEqual([
      ["Agreements", "/partners/agreements"],
      ["Contracts", "/partners/contracts"],
      ["Directory", "/partners/directory"],
    ]);
    expect(sections[1].links.map((l) => [l.label, l.href])).toEqual([["Settings", "/settings"]]);
  });

  it("a reseller sees its portal, and Partners only with the pages its permissions open", () => {
    expect(navSections({ role: "reseller", permissions: NO_PERMISSIONS }).map((s) => s.label)).toEqual(["Reseller Portal", "Account"]);
    const program = navSections({ role: "reseller", permissions: programOnly });
    expect(program.map((s) => [s.label, s.links.map((l) => l.label)])).toEqual([
      ["Reseller Portal", ["Your contracts"]],
      ["Partners", ["Agreements"]],
      ["Account", ["Settings"]],
    ]);
  });
});

describe("data table", () => {
  it("offers a sortable column's link above the cards on a phone too, where the header row is hidden", () => {
    const sorted: Column<{ id: string; n: number }>[] = [
      { label: "ID", primary: true, cell: (r) => r.id },
      { label: "Created", cell: (r) => r.n, sort: { href: "/x?sort=created", state: "descending", next: "oldest first" } },
    ];
    const html = renderToStaticMarkup(
      createElement(DataTable<{ id: string; n: number }>, { columns: sorted, rows: [{ id: "A-1", n: 3 }], rowKey: (r) => r.id }),
    );
    expect(html).toMatch(/<nav aria-label="Sort" class="[^"]*sm:hidden[^"]*">.*<a [^>]*href="\/x\?sort=created"/);
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*><a [^>]*href="\/x\?sort=created"/);
  });

  type Row = { id: string; n: number };
  const columns: Column<Row>[] = [
    { label: "ID", primary: true, cell: (r) => r.id },
    { label: "Count", align: "right", cell: (r) => r.n },
  ];
  it("names every cell's column (data-label) so a phone can stack rows as labelled cards; the card title carries none", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable<Row>, { columns, rows: [{ id: "A-1", n: 3 }], rowKey: (r) => r.id, caption: "Things" }),
    );
    expect(html).toContain("<caption");
    expect(html).toMatch(/<th scope="col"[^>]*>ID<\/th>/);
    expect(html).toMatch(/<td data-label="Count"[^>]*>/);
    expect(html).not.toMatch(/<td data-label="ID"/);
    // The labelled cells carry the class whose phone style shows the label (app/globals.css, .data-cell).
    expect(html).toMatch(/<td data-label="Count" class="data-cell[ "]/);
  });
});

describe("relative time", () => {
  it("says the time as people do, with the exact UTC time to the second on hover and for machines", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const html = renderToStaticMarkup(createElement(RelativeTime, { date: new Date("2026-03-10T09:00:05Z"), now }));
    expect(html).toMatch(/^<time datetime="2026-03-10T09:00:05.000Z" title="Mar 10, 2026, 09:00:05 UTC"[^>]*>3 hours ago<\/time>$/i);
    expect(renderToStaticMarkup(createElement(RelativeTime, { date: null }))).toBe("—");
  });
});

describe("activation stepper", () => {
  it("on a phone says the step in one line; the full list stays for screen readers with the current step marked", () => {
    const html = renderToStaticMarkup(createElement(Stepper, { current: 2 }));
    expect(html).toContain("Step 2 of 4");
    expect(html).toMatch(/<ol aria-label="Activation steps" class="[^"]*max-sm:sr-only/);
    expect(html).toMatch(/<li aria-current="step"[^>]*>.*Configure the user properties/);
  });
});
