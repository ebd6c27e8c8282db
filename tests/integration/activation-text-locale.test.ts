import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activateAction } from "@/app/activate/actions";
import { queryCount } from "@/db/client";
import { agreementVersionTexts, contractVersions } from "@/db/schema";
import { getCertificate } from "@/lib/evidence/certificate";
import { db } from "@/tests/support/factories";
import { request, resetRequest, RedirectSignal } from "@/tests/support/next";
import { distributorWithAgreement, NEW_PASSWORD } from "./activation-support";
import { answerStepsAsNewUser, newVisitor, stepForm, view } from "./activation-steps-support";

// Issue 24: a version may have its text in the signee's language; the activation page shows it, Activate
// records which text was signed (contract_versions.text_locale, its sha256), and the certificate says so.

const GERMAN = "# Reseller-Bedingungen\n\nVersion 2 der Bedingungen, auf Deutsch: Zahlung innerhalb von 30 Tagen.";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;

beforeAll(async () => {
  setup = await distributorWithAgreement(); // versions 1 and 2, 2 active
  await (
    await db()
  )
    .insert(agreementVersionTexts)
    .values({ versionId: setup.versions[1].id, locale: "de", content: GERMAN, sha256: sha256(GERMAN) });
});

async function activateIn(language: string, email: string, companyName: string) {
  resetRequest();
  newVisitor();
  request.headers.set("accept-language", language);
  const c = await setup.issue();
  const shown = (await view(c.token)).review.versionContent;
  await answerStepsAsNewUser(c.token, { email, fullName: "Greta Gruber", password: NEW_PASSWORD, companyName });
  await expect(activateAction(null, stepForm(c.token))).rejects.toBeInstanceOf(RedirectSignal);
  const [signed] = await (await db()).select().from(contractVersions).where(eq(contractVersions.contractId, c.id));
  const certificate = await getCertificate(await db(), setup.issuer.viewer, c.publicId, signed.certificateCode, "issuer");
  return { shown, signed, certificate };
}

describe("the agreement text in the signee's language", () => {
  it("a German browser reads the German text, signs it, and the certificate names it and carries it", async () => {
    const { shown, signed, certificate } = await activateIn("de-DE,de;q=0.9,en;q=0.5", "greta@example.test", "Gruber Handel GmbH");
    expect(shown).toBe(GERMAN);
    expect(signed.textLocale).toBe("de");
    expect(signed.sha256).toBe(sha256(GERMAN));
    expect(certificate.certificate.textLocale).toBe("de");
    expect(certificate.certificate.versionSha256).toBe(sha256(GERMAN));
    expect(certificate.document.certificate.textLocale).toBe("de");
    expect(certificate.versionText).toBe(GERMAN);
  });

  it("the page reads the link and its German text in one statement", async () => {
    resetRequest();
    newVisitor();
    request.headers.set("accept-language", "de");
    const c = await setup.issue();
    const before = queryCount();
    expect((await view(c.token)).review.versionContent).toBe(GERMAN);
    expect(queryCount() - before).toBe(1);
  });

  it("a language without its own text reads and signs the version's text", async () => {
    const { shown, signed, certificate } = await activateIn("fr-FR", "francoise@example.test", "Boulangerie Martin SARL");
    expect(shown).toBe(setup.versions[1].content);
    expect(signed.textLocale).toBe("default");
    expect(signed.sha256).toBe(setup.versions[1].sha256);
    expect(certificate.certificate.textLocale).toBe("default");
    expect(certificate.versionText).toBe(setup.versions[1].content);
  });
});
