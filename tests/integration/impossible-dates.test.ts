import { beforeAll, describe, expect, it } from "vitest";
import { createContract } from "@/lib/contracts/create-contract";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { createPartner } from "@/lib/directory/create-partner";
import { db, makeAccount, makeAgreement, makeContract } from "@/tests/support/factories";

type Account = Awaited<ReturnType<typeof makeAccount>>;

/** The 31st of the next short month a few weeks ahead (or February 30): in range, but not a day. */
function impossibleDayAhead(): string {
  const at = new Date(Date.now() + 40 * 86_400_000);
  for (let i = 0; i < 12; i++, at.setUTCDate(1), at.setUTCMonth(at.getUTCMonth() + 1)) {
    const month = at.getUTCMonth() + 1;
    const lastDay = new Date(Date.UTC(at.getUTCFullYear(), month, 0)).getUTCDate();
    if (lastDay < 31) return `${at.getUTCFullYear()}-${String(month).padStart(2, "0")}-${month === 2 ? 30 : 31}`;
  }
  throw new Error("unreachable: every year has short months");
}

const IMPOSSIBLE = [impossibleDayAhead(), "2027-02-30", "2028-02-30", "2027-13-01", "2027-00-10", "2027-04-00"];
const MESSAGE = "That date does not exist. Choose a day from the calendar.";

let issuer: Account;
let agreementId: string;
beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

describe("link expiration dates that are not on the calendar", () => {
  it("the wizard's Create refuses them next to the date field instead of rolling over to the next month", async () => {
    for (const linkExpiresOn of IMPOSSIBLE) {
      const attempt = createContract(await db(), issuer.viewer, { agreementId, kind: "test", noteToSignee: "Hi", linkExpiresOn });
      await expect(attempt, linkExpiresOn).rejects.toMatchObject({ code: "invalid", fieldErrors: { linkExpiresOn: MESSAGE } });
    }
  });

  it("Regenerate link refuses them too", async () => {
    const pending = await makeContract(issuer, agreementId);
    const attempt = regenerateLink(await db(), issuer.viewer, { publicId: pending.publicId, linkExpiresOn: IMPOSSIBLE[0] });
    await expect(attempt).rejects.toMatchObject({ code: "invalid", fieldErrors: { linkExpiresOn: MESSAGE } });
  });

  it("Create Partner refuses them too", async () => {
    const input = {
      type: "reseller",
      companyName: "Calendar Checks LLC",
      contactEmail: "cal@example.test",
      agreementMode: "existing",
      agreementId,
      kind: "production",
      noteToSignee: "Hi",
      linkExpiresOn: IMPOSSIBLE[0],
    } as const;
    await expect(createPartner(await db(), issuer.viewer, input)).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { linkExpiresOn: MESSAGE },
    });
  });

  it("still accepts a real day (the default, thirty days ahead)", async () => {
    const created = await createContract(await db(), issuer.viewer, {
      agreementId,
      kind: "test",
      noteToSignee: "Hi",
      linkExpiresOn: defaultExpiryDate(),
    });
    expect(created.publicId).toMatch(/^CRS-/);
  });
});
