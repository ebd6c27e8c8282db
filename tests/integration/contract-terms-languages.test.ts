import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { outbox, users } from "@/db/schema";
import { sendEndNotices } from "@/lib/contracts/end-date";
import { changePermissions } from "@/lib/contracts/proposals";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract, makeMember } from "../support/factories";

// Issue 24: the contract-terms notices (lib/email/contract-terms-messages.ts) are written per recipient:
// the user's own language (users.locale), else for the reseller's users the language the contract was
// offered in (contracts.signee_locale), else English (the issuer's staff without a setting).

const DAY = 86_400_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const worded = (tag: string, d: Date) => new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(d);

type Account = Awaited<ReturnType<typeof makeAccount>>;
let issuer: Account;
let agreementId: string;
let agreementName: string;
beforeAll(async () => {
  issuer = await makeAccount({ name: "Nordwind Distribution GmbH" });
  ({ publicId: agreementId, name: agreementName } = (await makeAgreement(issuer)).agreement);
});

async function mails(contractId: string, kind: string) {
  const rows = await (
    await db()
  )
    .select({ to: outbox.to, subject: outbox.subject, text: outbox.text, html: outbox.html })
    .from(outbox)
    .where(and(eq(outbox.contractId, contractId), eq(outbox.kind, kind)));
  return new Map(rows.map((r) => [r.to, r]));
}

/** An active contract offered in German, owned by a reseller whose first user has no setting and whose second reads French. */
async function germanContract(endsOn?: string) {
  const c = await makeContract(issuer, agreementId, { signeeLocale: "de", program: false, delegate: false, endsOn });
  const { reseller } = await makeActiveContract(c, { name: "Rhein Handel AG" });
  const french = await makeMember(reseller, "member");
  await (await db()).update(users).set({ locale: "fr" }).where(eq(users.id, french.user.id));
  return { c, reseller, french };
}

describe("contract-terms notices in each reader's language", () => {
  it("proposes wider permissions in German to the reseller's user, in English to the issuer's staff", async () => {
    const { c, reseller, french } = await germanContract();
    await changePermissions(await db(), issuer.viewer, { publicId: c.publicId, program: true, delegate: false });
    const m = await mails(c.id, "permissions_proposed");
    expect(m.size).toBe(3);

    const de = m.get(reseller.user.email)!;
    expect(de.subject).toBe(
      `Nordwind Distribution GmbH (${issuer.account.publicId}): erweiterte Berechtigungen für Vertrag ${c.publicId} vorgeschlagen`,
    );
    expect(de.text).toContain(
      `Der Distributor schlägt neue Berechtigungen für den Servicevertrag ${c.publicId} („${agreementName}“) zwischen Nordwind Distribution GmbH und Rhein Handel AG vor: Kann Programmvereinbarungen erstellen und verwalten.`,
    );
    expect(de.text).toMatch(
      /Sie gelten erst, wenn ein Benutzer des Partners sie im Reseller-Portal annimmt, spätestens am \d{1,2}\. \S+ \d{4} \(UTC\)\./,
    );
    expect(de.text).toMatch(/Reseller-Portal öffnen: http\S+\/reseller\/contracts\//);
    expect(de.html).toContain("Oder fügen Sie diesen Link in Ihren Browser ein:");
    expect(de.text).not.toMatch(/proposes|Permissions|Open the/);

    // A user's own setting comes before the contract's language.
    expect(m.get(french.user.email)!.text).toContain("Le distributeur propose de nouvelles autorisations pour le contrat de service");

    const en = m.get(issuer.user.email)!;
    expect(en.subject).toBe(
      `Nordwind Distribution GmbH (${issuer.account.publicId}): wider permissions proposed for contract ${c.publicId}`,
    );
    expect(en.text).toContain(
      `The distributor proposes new permissions for service contract ${c.publicId} ("${agreementName}") between Nordwind Distribution GmbH and Rhein Handel AG: Can create and manage program agreements.`,
    );
    expect(en.text).toMatch(
      /They apply only once a user of the partner accepts them in the Reseller Portal, by \w+ \d{1,2}, \d{4} \(UTC\)\./,
    );
    expect(en.text).toMatch(/Open the contract: http\S+\/partners\/contracts\//);
  });

  it("says the contract ends in 7 days in German to the reseller's user, in English to staff", async () => {
    const day = dayIn(40);
    const end = new Date(`${day}T23:59:59.999Z`);
    const { c, reseller } = await germanContract(day);
    await sendEndNotices(await db(), new Date(end.getTime() - 6 * DAY));
    const m = await mails(c.id, "contract_end_notice");

    const de = m.get(reseller.user.email)!;
    expect(de.subject).toBe(`Nordwind Distribution GmbH (${issuer.account.publicId}): Vertrag ${c.publicId} endet am ${worded("de", end)}`);
    expect(de.text).toContain(
      `Der Servicevertrag ${c.publicId} („${agreementName}“) zwischen Nordwind Distribution GmbH und Rhein Handel AG endet mit Ablauf des ${worded("de", end)} (UTC), in höchstens 7 Tagen.`,
    );
    expect(de.text).toContain("Mit dem Ende werden die Berechtigungen entzogen, die er gewährt.");

    const en = m.get(issuer.user.email)!;
    expect(en.subject).toBe(
      `Nordwind Distribution GmbH (${issuer.account.publicId}): contract ${c.publicId} ends on ${worded("en-US", end)}`,
    );
    expect(en.text).toContain(`ends at the end of ${worded("en-US", end)} (UTC), in 7 days or less.`);
    expect(en.text).toContain("When it ends, the permissions it grants are withdrawn. The distributor can extend it before then.");
  });
});
