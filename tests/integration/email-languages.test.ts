import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contractFollowUps, outbox, users } from "@/db/schema";
import { enqueuePasswordChangedEmail } from "@/lib/email/account-messages";
import { enqueueContractActivated } from "@/lib/email/messages";
import { runFollowUps } from "@/lib/follow-up/run-follow-ups";
import { db, makeAccount, makeAgreement, makeContract } from "../support/factories";

// Issue 24: an email is written in its reader's language: to a signee the language the issuer picked
// (contracts.signee_locale), to a user their own setting (users.locale), else English.

const DAY = 86_400_000;
/** A day ~two months ahead as the wizard's date field gives it, and that day worded in a language. */
const expiry = new Date(Date.now() + 60 * DAY);
const expiryOn = expiry.toISOString().slice(0, 10);
const worded = (tag: string) =>
  new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${expiryOn}T23:59:59Z`));
let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  issuer = await makeAccount({ name: "Nordwind Distribution GmbH" });
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

async function mail(contractId: string, kind: string) {
  return (await db())
    .select({ to: outbox.to, subject: outbox.subject, text: outbox.text, html: outbox.html })
    .from(outbox)
    .where(and(eq(outbox.contractId, contractId), eq(outbox.kind, kind)))
    .orderBy(desc(outbox.createdAt));
}

describe("emails in the reader's language", () => {
  it("invites a signee in French when the issuer picked French, with a French date and the same link", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "lea@example.test", signeeLocale: "fr", linkExpiresOn: expiryOn });
    const [m] = await mail(c.id, "invitation");
    expect(m.subject).toBe(`Nordwind Distribution GmbH (${issuer.account.publicId}) vous invite à signer un contrat de service`);
    expect(m.text).toContain("vous invite à rejoindre sa plateforme");
    expect(m.text).toContain(`Le lien expire le ${worded("fr")}.`);
    expect(worded("fr")).toMatch(/^\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}$/);
    expect(m.text).toMatch(/Consulter et activer: http\S+\/activate\/\S+/);
    expect(m.html).toContain("Ou collez ce lien dans votre navigateur :");
    expect(m.text).not.toContain("Review the agreement");
  });

  it("keeps English exactly as before for a contract in English (the default)", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "sam@example.test", linkExpiresOn: expiryOn });
    const [m] = await mail(c.id, "invitation");
    expect(m.subject).toBe(`Nordwind Distribution GmbH (${issuer.account.publicId}) invites you to sign a service contract`);
    expect(m.text).toContain(`The link expires on ${worded("en-US")}.`);
    expect(m.html).toContain("Or paste this link into your browser:");
  });

  it("reminds the signee in the contract's language", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "lea2@example.test", signeeLocale: "fr", sendReminders: true });
    const [f] = await (await db()).select().from(contractFollowUps).where(eq(contractFollowUps.contractId, c.id));
    expect(f).toBeDefined();
    await runFollowUps(await db(), new Date(f.armedAt.getTime() + 3 * DAY + 60_000));
    const [m] = await mail(c.id, "reminder");
    expect(m.subject).toBe(`Rappel 1 : Nordwind Distribution GmbH (${issuer.account.publicId}) vous invite à signer un contrat de service`);
    expect(m.text).toContain(`Rappel : Nordwind Distribution GmbH (${issuer.account.publicId}) attend votre signature`);
  });

  it("writes to a staff user in their own language (users.locale)", async () => {
    const staff = await makeAccount({ name: "Rhein Partner AG" });
    await (await db()).update(users).set({ locale: "de" }).where(eq(users.id, staff.user.id));
    const agreement = (await makeAgreement(staff)).agreement.publicId;
    const c = await makeContract(staff, agreement, { signeeEmail: "x@example.test" });
    await enqueueContractActivated(await db(), c.id);
    const [m] = await mail(c.id, "contract_activated");
    expect(m.to).toBe(staff.user.email);
    expect(m.subject).toBe(`Rhein Partner AG: Vertrag ${c.publicId} wurde aktiviert`);
    expect(m.text).toContain("Ihr Partner hat");
    expect(m.text).toContain("Vertrag öffnen");

    await enqueuePasswordChangedEmail(await db(), { to: staff.user.email.toUpperCase(), how: "changed" });
    const [pw] = await (
      await db()
    )
      .select({ subject: outbox.subject, text: outbox.text })
      .from(outbox)
      .where(and(eq(outbox.kind, "password_changed"), eq(outbox.to, staff.user.email.toUpperCase())));
    expect(pw.subject).toBe("Ihr Passwort wurde geändert");
  });
});
