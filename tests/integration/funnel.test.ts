import { eq, sql } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import FunnelPage from "@/app/(portal)/partners/contracts/funnel/page";
import { formatDuration } from "@/components/contracts/funnel/funnel-view";
import { contracts } from "@/db/schema";
import { getFunnel } from "@/lib/follow-up/funnel";
import { recordOpen } from "@/lib/follow-up/record-open";
import { actAs, activateFor, db, makeAccount, makeAgreement, makeContract, tokenOf } from "../support/factories";

const HOUR = 3_600_000;
let issuer: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  issuer = await makeAccount();
  const other = await makeAccount();
  const ag = (await makeAgreement(issuer)).agreement.publicId;
  const agOther = (await makeAgreement(other)).agreement.publicId;
  const d = await db();
  // Six contracts in the period: 4 emailed, 3 opened, 2 activated (after 2 h and 6 h), 1 rejected, 1 expired.
  const opened = async (c: { activationLink: string }) =>
    recordOpen(d, { token: tokenOf(c.activationLink) }, { ip: "198.51.100.2", userAgent: "x" });
  const a1 = await makeContract(issuer, ag, { signeeEmail: "a1@example.test" });
  const a2 = await makeContract(issuer, ag, { signeeEmail: "a2@example.test" });
  const r1 = await makeContract(issuer, ag, { signeeEmail: "r1@example.test" });
  const e1 = await makeContract(issuer, ag, { signeeEmail: "e1@example.test" });
  await makeContract(issuer, ag);
  await makeContract(issuer, ag);
  for (const c of [a1, a2, r1]) await opened(c);
  for (const [c, hours] of [
    [a1, 2],
    [a2, 6],
  ] as const) {
    await activateFor(c, await makeAccount({ role: "reseller" }));
    await d
      .update(contracts)
      .set({ activatedAt: sql`${contracts.createdAt} + ${`${hours} hours`}::interval` })
      .where(eq(contracts.id, c.id));
  }
  await d.update(contracts).set({ status: "rejected", rejectedAt: new Date() }).where(eq(contracts.id, r1.id));
  await d
    .update(contracts)
    .set({ linkExpiresAt: new Date(Date.now() - HOUR) })
    .where(eq(contracts.id, e1.id));
  // Outside the period, and another account's: not counted.
  const old = await makeContract(issuer, ag, { signeeEmail: "old@example.test" });
  await d
    .update(contracts)
    .set({ createdAt: new Date(Date.now() - 40 * 24 * HOUR) })
    .where(eq(contracts.id, old.id));
  await makeContract(other, agOther, { signeeEmail: "x@example.test" });
});

describe("the invitation funnel", () => {
  it("counts created → emailed → opened → activated, rejected and expired, with the median time to activation", async () => {
    const f = await getFunnel(await db(), issuer.viewer, { period: "30" });
    expect(f).toMatchObject({ period: "30", created: 6, emailed: 4, opened: 3, activated: 2, rejected: 1, expired: 1 });
    expect(f.medianToActivationMs).toBe(4 * HOUR);
    // A longer period reaches the older contract.
    expect((await getFunnel(await db(), issuer.viewer, { period: "90" })).created).toBe(7);
    // Unknown periods read as the default.
    expect((await getFunnel(await db(), issuer.viewer, { period: "1e9" })).period).toBe("30");
  });

  it("shows counts and conversion percentages on the page", async () => {
    actAs(issuer);
    const html = renderToStaticMarkup(await FunnelPage({ searchParams: Promise.resolve({ period: "30" }) }));
    expect(html).toContain("Last 30 days: 6 contracts created");
    expect(html).toMatch(/Opened<\/span>.*?>3<\/span>.*?\(50% of created, 75% of emailed\)/);
    expect(html).toContain("4 h 0 min");
    actAs(null);
  });

  it("words durations", () => {
    expect([12 * 60_000, 5 * HOUR + 20 * 60_000, 76 * HOUR].map(formatDuration)).toEqual(["12 min", "5 h 20 min", "3 d 4 h"]);
  });
});
