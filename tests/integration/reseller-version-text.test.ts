import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryCount } from "@/db/client";
import { agreementVersionTexts, contractVersions } from "@/db/schema";
import { getVersionToSign } from "@/lib/reseller/get-version-to-sign";
import { signContractVersion } from "@/lib/reseller/sign-contract-version";
import { sha256Hex } from "@/lib/security/tokens";
import { SignNewVersion } from "@/components/reseller/sign-new-version";
import { db } from "@/tests/support/factories";
import { distributorWithReseller, fresh, publishVersion } from "./reseller-support";

// Issue 24: a reseller signing a new agreement version reads it in their language when the distributor gave
// the version a text in it, and the evidence records which text was signed (text_locale and its sha256).

const GERMAN = "# Bedingungen\n\nVersion 2: Zahlung innerhalb von 30 Tagen.";

async function withGermanText() {
  const setup = await distributorWithReseller();
  const v2 = await publishVersion(setup.agreement.id, "# Terms\n\nVersion 2: payment within 30 days.");
  await (await db()).insert(agreementVersionTexts).values({ versionId: v2.id, locale: "de", content: GERMAN, sha256: sha256Hex(GERMAN) });
  return { ...setup, v2 };
}

async function evidenceFor(contractId: string, versionId: string) {
  const rows = await (await db()).select().from(contractVersions).where(eq(contractVersions.contractId, contractId));
  return rows.find((r) => r.agreementVersionId === versionId)!;
}

describe("signing a new version in the reader's language", () => {
  it("shows a German reader the version's German text, and the Sign form says which text it shows", async () => {
    const { contract, reseller, v2 } = await withGermanText();
    const viewer = await fresh(reseller);
    const before = queryCount();
    const toSign = (await getVersionToSign(await db(), viewer, contract.publicId, "de"))!;
    expect(queryCount() - before).toBe(1); // both versions' texts read with the versions
    expect(toSign.next).toMatchObject({ id: v2.id, content: GERMAN, textLocale: "de" });
    const html = renderToStaticMarkup(
      createElement(SignNewVersion, { contractPublicId: contract.publicId, toSign, sign: async () => ({ ok: true }) as never }),
    );
    expect(html).toContain("Zahlung innerhalb von 30 Tagen");
    expect(html).toContain('name="textLocale" value="de"');
    expect(html).toMatch(/<section[^>]*lang="de"/);
  });

  it("shows a French reader (no French text) the version's own text", async () => {
    const { contract, reseller, v2 } = await withGermanText();
    const toSign = (await getVersionToSign(await db(), await fresh(reseller), contract.publicId, "fr"))!;
    expect(toSign.next).toMatchObject({ content: v2.content, textLocale: "default" });
  });

  it("records the German text and its hash when the German text was signed", async () => {
    const { contract, reseller, v2, versions } = await withGermanText();
    const signed = await signContractVersion(await db(), await fresh(reseller), {
      contractPublicId: contract.publicId,
      agreementVersionId: v2.id,
      fromVersionId: versions[0].id,
      textLocale: "de",
    });
    expect(signed).toMatchObject({ textLocale: "de", sha256: sha256Hex(GERMAN) });
    expect(await evidenceFor(contract.id, v2.id)).toMatchObject({ textLocale: "de", sha256: sha256Hex(GERMAN) });
  });

  it("records the version's own text when that was shown", async () => {
    const { contract, reseller, v2, versions } = await withGermanText();
    await signContractVersion(await db(), await fresh(reseller), {
      contractPublicId: contract.publicId,
      agreementVersionId: v2.id,
      fromVersionId: versions[0].id,
    });
    expect(await evidenceFor(contract.id, v2.id)).toMatchObject({ textLocale: "default", sha256: v2.sha256 });
  });

  it("refuses to record a language the version has no text in, and signs nothing", async () => {
    const { contract, reseller, v2, versions } = await withGermanText();
    const input = { contractPublicId: contract.publicId, agreementVersionId: v2.id, fromVersionId: versions[0].id };
    await expect(signContractVersion(await db(), await fresh(reseller), { ...input, textLocale: "fr" })).rejects.toMatchObject({
      code: "stale",
    });
    await expect(signContractVersion(await db(), await fresh(reseller), { ...input, textLocale: "xx" as never })).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await evidenceFor(contract.id, v2.id)).toBeUndefined();
  });
});
