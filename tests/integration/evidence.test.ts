import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ChainLine } from "@/components/contracts/details/history-tab";
import { VersionsTab } from "@/components/contracts/details/versions-tab";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { accounts, agreementVersions, contracts, contractVersions, events, users } from "@/db/schema";
import { activateContract } from "@/lib/activation/activate-contract";
import { verifyAllChains, verifySubjectChain } from "@/lib/audit/event-chain";
import { certificatePdf, getCertificate, type CertificateBundle } from "@/lib/evidence/certificate";
import {
  keyIdOf,
  rawPublicKey,
  serializeDocument,
  signCertificate,
  verifyJsonText,
  type EvidenceDocument,
  type Json,
} from "@/lib/evidence/document";
import { trustedKeys } from "@/lib/evidence/keys";
import { JSON_ATTACHMENT, pdfAttachments, TEXT_ATTACHMENT, verifyPdf } from "@/lib/evidence/pdf";
import { checkEvidenceFile, lookUpCode } from "@/lib/evidence/verify-upload";
import { signContractVersion } from "@/lib/reseller/sign-contract-version";
import { db, makeAccount, viewerFor } from "@/tests/support/factories";
import { distributorWithAgreement, NEW_PASSWORD, requestFrom } from "./activation-support";
import { publishVersion } from "./reseller-support";

// Issue 20: certificates of acceptance anyone can verify, and the tamper-evident history.

const V3_TEXT = "# Reseller Terms\n\nVersion 3: payment within 30 days — “net 30” ✓ (日本語 too).\n\nSecond paragraph.";

let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
let contractId: string;
let contractPublicId: string;
let info: { ip: string; userAgent: string };
let reseller: { userId: string; accountPublicId: string };
let activation: CertificateBundle;
let newVersion: CertificateBundle;
const work = mkdtempSync(path.join(tmpdir(), "scp-evidence-"));

const codeOf = async (versionNumber: number) => {
  const [row] = await (
    await db()
  )
    .select({ code: contractVersions.certificateCode })
    .from(contractVersions)
    .innerJoin(agreementVersions, eq(agreementVersions.id, contractVersions.agreementVersionId))
    .where(sql`${contractVersions.contractId} = ${contractId} and ${agreementVersions.number} = ${versionNumber}`);
  return row.code;
};

beforeAll(async () => {
  setup = await distributorWithAgreement(); // "Reseller Terms", versions 1 and 2, 2 active
  const c = await setup.issue();
  contractId = c.id;
  contractPublicId = c.publicId;
  info = requestFrom();
  const done = await activateContract(
    await db(),
    c.token,
    {
      signer: { kind: "new", email: "rita@example.test", fullName: "Rita Reseller", password: NEW_PASSWORD },
      company: { kind: "new", name: "Rita Resale LLC" },
    },
    info,
  );
  reseller = { userId: done.userId, accountPublicId: done.accountPublicId };
  const v3 = await publishVersion(setup.agreement.id, V3_TEXT);
  const viewer = (await viewerFor(done.userId, done.accountPublicId))!;
  await signContractVersion(await db(), viewer, { contractPublicId, agreementVersionId: v3.id, fromVersionId: setup.versions[1].id });
  activation = await getCertificate(await db(), setup.issuer.viewer, contractPublicId, await codeOf(2), "issuer");
  newVersion = await getCertificate(await db(), viewer, contractPublicId, await codeOf(3), "owner");
});

const asText = (doc: EvidenceDocument) => serializeDocument(doc);
const mutate = (doc: EvidenceDocument, change: (d: EvidenceDocument) => void): string => {
  const copy = JSON.parse(asText(doc)) as EvidenceDocument;
  change(copy);
  return JSON.stringify(copy);
};

describe("certificate of acceptance", () => {
  it("holds what the database holds for the activation, every field of the issue", async () => {
    const d = await db();
    const [contract] = await d.select().from(contracts).where(eq(contracts.id, contractId));
    const [evidence] = await d
      .select()
      .from(contractVersions)
      .where(sql`${contractVersions.contractId} = ${contractId} and ${contractVersions.agreementVersionId} = ${setup.versions[1].id}`);
    const [signee] = await d.select().from(users).where(eq(users.id, reseller.userId));
    const [company] = await d.select().from(accounts).where(eq(accounts.publicId, reseller.accountPublicId));
    const evs = await d.select().from(events).where(eq(events.subjectId, contractId)).orderBy(events.chainSeq);
    const c = activation.certificate;
    expect(c).toMatchObject({
      signing: "activation",
      contractId: contractPublicId,
      kind: contract.kind,
      issuerAccount: { id: setup.issuer.account.publicId, name: "Northwind Test GmbH" },
      signee: { id: signee.publicId, name: "Rita Reseller", email: "rita@example.test" },
      company: { id: company.publicId, name: "Rita Resale LLC" },
      agreementId: setup.agreement.publicId,
      agreementName: "Reseller Terms",
      versionNumber: 2,
      versionSha256: setup.versions[1].sha256,
      permissionsGranted: contract.permissions,
      ip: info.ip,
      userAgent: info.userAgent,
    });
    expect(c.certificateCode.replaceAll("-", "")).toBe(evidence.certificateCode);
    expect(new Date(c.signedAt).getTime()).toBe(evidence.signedAt.getTime());
    expect(c.signedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    // The events it rests on: the contract's creation and its activation, with their chain hashes.
    const expected = evs.filter((e) => e.type === "contract.created" || e.type === "contract.activated");
    expect(c.events.map((e) => [e.id, e.type, e.hash])).toEqual(expected.map((e) => [String(e.id), e.type, e.hash]));
    expect(verifyJsonText(asText(activation.document), trustedKeys())).toMatchObject({ status: "valid" });
  });

  it("a later version signed has its own certificate, resting on the version_signed event too", async () => {
    const c = newVersion.certificate;
    expect(c).toMatchObject({ signing: "new_version", versionNumber: 3, versionSha256: newVersion.document.certificate.versionSha256 });
    expect(c.events.map((e) => e.type)).toEqual(["contract.created", "contract.activated", "contract.version_signed"]);
    expect(newVersion.versionText).toBe(V3_TEXT);
    // The issuer's staff and the reseller's users download the same signed document.
    const asIssuer = await getCertificate(await db(), setup.issuer.viewer, contractPublicId, c.certificateCode, "issuer");
    expect(asText(asIssuer.document)).toBe(asText(newVersion.document));
  });

  it("is refused as not found to another tenant, another reseller, the wrong side, and an unknown code", async () => {
    const code = activation.certificate.certificateCode;
    const otherDistributor = await makeAccount();
    const otherReseller = await makeAccount({ role: "reseller" });
    const owner = (await viewerFor(reseller.userId, reseller.accountPublicId))!;
    const d = await db();
    await expect(getCertificate(d, otherDistributor.viewer, contractPublicId, code, "issuer")).rejects.toMatchObject({ code: "not_found" });
    await expect(getCertificate(d, otherReseller.viewer, contractPublicId, code, "owner")).rejects.toMatchObject({ code: "not_found" });
    await expect(getCertificate(d, owner, contractPublicId, code, "issuer")).rejects.toMatchObject({ code: "not_found" });
    await expect(getCertificate(d, setup.issuer.viewer, contractPublicId, "0000-0000-0000-0000", "issuer")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("the Versions tab", () => {
  it("links each signing's certificate, PDF and JSON, under the page's own path", async () => {
    const details = await getContractDetails(await db(), setup.issuer.viewer, contractPublicId, "issuer");
    const base = `/partners/contracts/${contractPublicId}`;
    const html = renderToStaticMarkup(createElement(VersionsTab, { contract: details, basePath: base }));
    for (const code of [await codeOf(2), await codeOf(3)]) {
      expect(html).toContain(`href="${base}/certificates/${code}.pdf"`);
      expect(html).toContain(`href="${base}/certificates/${code}.json"`);
    }
  });
});

describe("verifying a certificate", () => {
  it("one byte changed in the JSON is detected, naming the field", () => {
    const text = asText(activation.document);
    const at = text.indexOf(info.ip) + info.ip.length - 1;
    const changed = text.slice(0, at) + (text[at] === "9" ? "8" : "9") + text.slice(at + 1);
    expect(changed).not.toBe(text);
    expect(verifyJsonText(changed, trustedKeys())).toMatchObject({ status: "altered", fields: ["ip"] });
  });

  it("names nested, added and removed fields, and a forged signature or digest", () => {
    const keys = trustedKeys();
    const check = (text: string) => verifyJsonText(text, keys);
    expect(check(mutate(activation.document, (d) => ((d.certificate.signee as Record<string, Json>).email = "x@evil.test")))).toMatchObject(
      {
        status: "altered",
        fields: ["signee.email"],
      },
    );
    expect(
      check(
        mutate(
          activation.document,
          (d) => ((d.certificate.permissionsGranted as { agreement: { program: { create: boolean } } }).agreement.program.create = false),
        ),
      ),
    ).toMatchObject({ status: "altered", fields: ["permissionsGranted.agreement.program.create"] });
    expect(check(mutate(activation.document, (d) => (d.certificate.extra = "added")))).toMatchObject({ fields: ["extra"] });
    expect(check(mutate(activation.document, (d) => delete d.certificate.userAgent))).toMatchObject({ fields: ["userAgent"] });
    // Rewriting a digest to match a changed field breaks the signature itself.
    const forged = mutate(activation.document, (d) => {
      d.certificate.versionNumber = 1;
      d.signature.digests.versionNumber = "0".repeat(64);
    });
    expect(check(forged)).toMatchObject({ status: "altered", fields: ["signature"] });
    expect(check("{not json")).toMatchObject({ status: "unreadable" });
    expect(check(JSON.stringify({ hello: "world" }))).toMatchObject({ status: "unreadable" });
  });

  it("a certificate signed with another key reads 'unknown key'", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const b64 = rawPublicKey(publicKey);
    const other = signCertificate(activation.document.certificate, { keyId: keyIdOf(b64), privateKey, publicKey, publicKeyBase64: b64 });
    expect(verifyJsonText(asText(other), trustedKeys())).toMatchObject({
      status: "unknown_key",
      keyId: keyIdOf(b64),
      selfConsistent: true,
    });
  });

  it("the PDF carries the same signature; a byte changed in its signed data or its appendix is detected", async () => {
    const pdf = await certificatePdf(newVersion);
    expect(await verifyPdf(pdf, trustedKeys())).toMatchObject({ status: "valid", appendix: "matches" });
    const bytes = Buffer.from(pdf);
    // The signed JSON is attached uncompressed: change one byte of the signee's email inside the PDF.
    const email = bytes.indexOf('"email": "rita@example.test"');
    expect(email).toBeGreaterThan(0);
    const altered = Buffer.from(bytes);
    altered[email + '"email": "'.length] = "R".charCodeAt(0);
    expect(await verifyPdf(altered, trustedKeys())).toMatchObject({ status: "altered", fields: ["signee.email"] });
    // One byte of the attached version text.
    const textAt = bytes.indexOf("Second paragraph.");
    const appendix = Buffer.from(bytes);
    appendix[textAt] = "s".charCodeAt(0);
    expect(await verifyPdf(appendix, trustedKeys())).toMatchObject({ status: "altered", fields: ["appendix (version text)"] });
    expect(await verifyPdf(Buffer.from("%PDF-1.7 garbage"), trustedKeys())).toMatchObject({ status: "unreadable" });
  });

  it("the PDF renders: its first page as a PNG, and its text holds the fields and the appendix", async () => {
    const file = path.join(work, "certificate.pdf");
    writeFileSync(file, await certificatePdf(newVersion));
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, path.join(work, "page")]);
    const png = path.join(work, "page-1.png");
    expect(readFileSync(png).subarray(1, 4).toString()).toBe("PNG");
    expect(statSync(png).size).toBeGreaterThan(5_000);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    const c = newVersion.certificate;
    for (const expected of [
      "Certificate of acceptance",
      `Verification code: ${c.certificateCode}`,
      `/verify?c=${c.certificateCode}`,
      contractPublicId,
      "Rita Reseller <rita@example.test>",
      "Rita Resale LLC",
      "Northwind Test GmbH",
      c.versionSha256,
      "Can create and manage program agreements",
      c.ip!,
      `Appendix: ${setup.agreement.publicId}, version 3`,
      "Version 3: payment within 30 days",
      "Second paragraph.",
    ])
      expect(text).toContain(expected);
    // The standard font cannot draw 日本語: printed as "?", while the attached text stays exact (checked above).
    expect(text).toContain("(??? too)");
  });

  it("the PDF's printed words follow the reader's language; the signed document it carries does not change", async () => {
    const file = path.join(work, "certificate-de.pdf");
    const german = await certificatePdf(newVersion, "de");
    writeFileSync(file, german);
    expect(await verifyPdf(german, trustedKeys())).toMatchObject({ status: "valid", appendix: "matches" });
    const english = await pdfAttachments(await certificatePdf(newVersion));
    const attached = await pdfAttachments(german);
    for (const name of [JSON_ATTACHMENT, TEXT_ATTACHMENT])
      expect(Buffer.from(attached.get(name)!).equals(Buffer.from(english.get(name)!))).toBe(true);
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    const c = newVersion.certificate;
    for (const expected of [
      "Annahmebescheinigung",
      `Prüfcode: ${c.certificateCode}`,
      "Gewährte Berechtigungen",
      "Kann Programmvereinbarungen erstellen und verwalten",
      "Unterzeichnet am (UTC)",
      "Version 3 (neue Version unterzeichnet)",
      "Produktion",
      `Anhang: ${setup.agreement.publicId}, Version 3`,
      "Second paragraph.",
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/Certificate of acceptance|Permissions granted|Verification code/);
  });

  it("the Verify page's check: valid and matching the record; altered names the fields; a code shows no party", async () => {
    const d = await db();
    const json = new TextEncoder().encode(asText(activation.document));
    expect(await checkEvidenceFile(d, json)).toMatchObject({ status: "valid", fileKind: "json", record: "matches" });
    const pdf = await certificatePdf(activation);
    expect(await checkEvidenceFile(d, pdf)).toMatchObject({ status: "valid", fileKind: "pdf", record: "matches" });
    const altered = new TextEncoder().encode(mutate(activation.document, (x) => (x.certificate.ip = "198.51.100.1")));
    expect(await checkEvidenceFile(d, altered)).toMatchObject({ status: "altered", fields: ["ip"], record: null });
    const found = await lookUpCode(d, activation.certificate.certificateCode.toLowerCase());
    expect(found).toEqual({
      code: activation.certificate.certificateCode,
      signature: activation.document.signature.value,
      historyIntact: true,
    });
    expect(JSON.stringify(found)).not.toContain("Rita");
    expect(await lookUpCode(d, "FFFF-FFFF-FFFF-FFFF")).toBeNull();
  });
});

describe("tamper-evident history", () => {
  it("every event is chained as written, and the chain verifies (the History tab says so)", async () => {
    const report = await verifySubjectChain(await db(), contractId);
    expect(report.broken).toBeNull();
    expect(renderToStaticMarkup(createElement(ChainLine, { chain: report }))).toContain(
      `History verified: ${report.events} events, chain intact.`,
    );
    expect(report.events).toBeGreaterThanOrEqual(3);
    const evs = await (await db()).select().from(events).where(eq(events.subjectId, contractId)).orderBy(events.chainSeq);
    expect(evs.map((e) => e.chainSeq)).toEqual(evs.map((_, i) => i + 1));
    expect(evs[0].prevHash).toBeNull();
    for (let i = 1; i < evs.length; i++) expect(evs[i].prevHash).toBe(evs[i - 1].hash);
  });

  it("one byte changed in an event row (a column or its JSON data) is detected", async () => {
    const d = await db();
    const [activated] = await d
      .select()
      .from(events)
      .where(sql`${events.subjectId} = ${contractId} and ${events.type} = 'contract.activated'`);
    const ip = activated.ip!;
    await d
      .update(events)
      .set({ ip: ip.slice(0, -1) + (ip.endsWith("9") ? "8" : "9") })
      .where(eq(events.id, activated.id));
    const report = await verifySubjectChain(d, contractId);
    expect(report.broken).toMatchObject({ kind: "altered", eventId: String(activated.id), type: "contract.activated" });
    expect(await lookUpCode(d, activation.certificate.certificateCode)).toMatchObject({ historyIntact: false });
    // The History tab's line names the event.
    const broken = renderToStaticMarkup(createElement(ChainLine, { chain: report }));
    expect(broken).toContain(`History does not verify: event ${activated.chainSeq} of ${report.events} (contract.activated,`);
    expect(broken).toContain("was altered.");
    await d.update(events).set({ ip }).where(eq(events.id, activated.id));
    expect((await verifySubjectChain(d, contractId)).broken).toBeNull();
    await d.execute(sql`update events set data = jsonb_set(data, '{version}', '99') where id = ${activated.id}`);
    expect((await verifySubjectChain(d, contractId)).broken).toMatchObject({ kind: "altered" });
    await d.execute(sql`update events set data = jsonb_set(data, '{version}', '2') where id = ${activated.id}`);
    expect((await verifySubjectChain(d, contractId)).broken).toBeNull();
  });

  it("a removed event is detected, by the History check and by the whole-database check", async () => {
    const d = await db();
    const other = await setup.issue();
    await d.execute(sql`update contracts set note_to_signee = 'x' where id = ${other.id}`);
    const { editNote } = await import("@/lib/contracts/edit-note");
    await editNote(d, setup.issuer.viewer, { publicId: other.publicId, noteToSignee: "Changed once" });
    await editNote(d, setup.issuer.viewer, { publicId: other.publicId, noteToSignee: "Changed twice" });
    const evs = await d.select().from(events).where(eq(events.subjectId, other.id)).orderBy(events.chainSeq);
    expect(evs).toHaveLength(3);
    await d.delete(events).where(eq(events.id, evs[1].id));
    expect((await verifySubjectChain(d, other.id)).broken).toMatchObject({ kind: "removed", eventId: String(evs[2].id) });
    const all = await verifyAllChains(d, "contract");
    expect(all.filter((r) => r.broken).map((r) => r.subjectPublicId)).toEqual([other.publicId]);
  });

  it("an altered event whose hash a forger recomputed still breaks the link of the next event", async () => {
    const d = await db();
    const other = await setup.issue();
    const { editNote } = await import("@/lib/contracts/edit-note");
    await editNote(d, setup.issuer.viewer, { publicId: other.publicId, noteToSignee: "Changed once" });
    const [first, second] = await d.select().from(events).where(eq(events.subjectId, other.id)).orderBy(events.chainSeq);
    // Rewrite the first event and give it a hash that matches its new content (the trigger's own function).
    await d.execute(sql`update events set data = jsonb_set(data, '{kind}', '"test"') where id = ${first.id}`);
    await d.execute(
      sql`update events e set hash = encode(sha256(convert_to(scp_event_canonical(e), 'UTF8')), 'hex') where id = ${first.id}`,
    );
    expect((await verifySubjectChain(d, other.id)).broken).toMatchObject({ kind: "unlinked", eventId: String(second.id) });
  });
});
