import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import AgreementsPage from "@/app/(portal)/partners/agreements/(list)/page";
import { actAs, makeAccount } from "@/tests/support/factories";
import { distributorWithReseller } from "./reseller-support";

const render = async () => renderToStaticMarkup(await AgreementsPage({ searchParams: Promise.resolve({}) }));

describe("Agreements tab words", () => {
  it("a reseller that may only create program agreements reads nothing about service agreements", async () => {
    const { reseller } = await distributorWithReseller({ program: true });
    actAs(reseller);
    const html = await render();
    expect(html).toContain("No agreements yet");
    expect(html).toContain("The program agreements your account offers its partners.");
    expect(html).not.toMatch(/service/i);
  });

  it("a distributor still reads that service contracts are made on service agreements", async () => {
    actAs(await makeAccount());
    expect(await render()).toContain("A service contract is always made on a service agreement.");
  });
});
