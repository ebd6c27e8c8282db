import { describe, expect, it } from "vitest";
import PartnersIndex from "@/app/(portal)/partners/page";
import { actAs, makeAccount } from "@/tests/support/factories";
import { RedirectSignal } from "@/tests/support/next";
import { distributorWithReseller } from "./reseller-support";

const landing = async () => {
  const go = PartnersIndex();
  await expect(go).rejects.toBeInstanceOf(RedirectSignal);
  return ((await go.catch((e: RedirectSignal) => e)) as RedirectSignal).url;
};

describe("/partners opens the first tab the viewer may use", () => {
  it("a distributor lands on Contracts", async () => {
    actAs(await makeAccount());
    expect(await landing()).toBe("/partners/contracts");
  });

  it("a reseller with program.create alone lands on Agreements, not back home", async () => {
    const { reseller } = await distributorWithReseller({ program: true });
    actAs(reseller);
    expect(await landing()).toBe("/partners/agreements");
  });

  it("a reseller with no Partners tab is sent home, and a visitor to sign-in", async () => {
    const { reseller } = await distributorWithReseller();
    actAs(reseller);
    expect(await landing()).toBe("/");
    actAs(null);
    expect(await landing()).toMatch(/^\/sign-in\?callbackUrl=%2Fpartners/);
  });
});
