import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { describeHistoryEntry } from "@/components/contracts/details/history-words";
import { HistoryTab } from "@/components/contracts/details/history-tab";
import { editNote } from "@/lib/contracts/edit-note";
import { emailLink } from "@/lib/contracts/email-link";
import { listContractHistory } from "@/lib/contracts/list-contract-history";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { db, makeAccount, makeAgreement, makeContract } from "@/tests/support/factories";

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;
beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

describe("History order", () => {
  it("lists what happened newest first in the order it happened, inside one transaction too", async () => {
    const database = await db();
    // Each of these writes an event and (for the mails) an outbox row in one transaction, within a second.
    const c = await makeContract(issuer, agreementId, { signeeEmail: "first@history.test" });
    await editNote(database, issuer.viewer, { publicId: c.publicId, noteToSignee: "Edited once." });
    await emailLink(database, issuer.viewer, { publicId: c.publicId, signeeEmail: "second@history.test" });
    await regenerateLink(database, issuer.viewer, { publicId: c.publicId, linkExpiresOn: defaultExpiryDate() });
    const history = await listContractHistory(database, issuer.viewer, c.publicId, "issuer");
    expect(history.map(describeHistoryEntry)).toEqual([
      "Activation link regenerated; the previous link stopped working",
      "Activation link emailed to second@history.test",
      "Invitation email to second@history.test was not sent: the link was regenerated",
      "Note to signee edited",
      "Invitation email to first@history.test was not sent: the link was regenerated",
      "Contract created",
    ]);
    for (let i = 1; i < history.length; i++) expect(history[i - 1].at.getTime()).toBeGreaterThanOrEqual(history[i].at.getTime());
  });

  it("shows each entry's exact time, to the second, on hover", () => {
    const at = new Date("2026-03-03T10:04:05.250Z");
    const html = renderToStaticMarkup(
      HistoryTab({ entries: [{ source: "event", at, type: "contract.created", userName: "Nora", data: {} }] }),
    );
    expect(html).toMatch(/<time dateTime="2026-03-03T10:04:05.250Z" title="[^"]*10:04:05[^"]*UTC"/);
  });
});
