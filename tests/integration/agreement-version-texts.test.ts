import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreementVersionTexts, agreementVersions } from "@/db/schema";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { MAX_CONTENT } from "@/lib/agreements/schemas";
import { listVersionTexts } from "@/lib/agreements/version-texts";
import { isAppError } from "@/lib/errors";
import { sha256Hex } from "@/lib/security/tokens";
import { db, makeAccount, makeAgreement } from "../support/factories";

// Issue 24: a version may carry its text in other languages, stored with their hashes in the same
// transaction as the version, seen only by the agreement's owner.
let owner: Awaited<ReturnType<typeof makeAccount>>;
let other: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  owner = await makeAccount();
  other = await makeAccount();
  agreementId = (await makeAgreement(owner)).agreement.publicId;
});

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(isAppError(e, "invalid")).toBe(true);
  return e as Error;
}

describe("agreement version texts in other languages", () => {
  it("stores a version with its German and French texts, each hashed like the version", async () => {
    const de = "# Vereinbarung\n\nDer Partner verpflichtet sich …";
    const fr = "# Accord\n\nLe partenaire s’engage …";
    const added = await addAgreementVersion(await db(), owner.viewer, {
      agreementId,
      content: "# Agreement\n\nThe partner agrees …",
      texts: [
        { locale: "de", content: de },
        { locale: "fr", content: fr },
      ],
    });
    const texts = await listVersionTexts(await db(), owner.viewer, agreementId, added.number);
    expect(texts).toEqual([
      { locale: "de", content: de, sha256: sha256Hex(de) },
      { locale: "fr", content: fr, sha256: sha256Hex(fr) },
    ]);
    // Another account sees none of them, even knowing the agreement and the number.
    expect(await listVersionTexts(await db(), other.viewer, agreementId, added.number)).toEqual([]);
  });

  it("refuses an unknown language, a language twice and a text too long, storing nothing", async () => {
    const database = await db();
    const before = await database.$count(agreementVersionTexts);
    const versionsBefore = await database.$count(agreementVersions, eq(agreementVersions.authorUserId, owner.viewer.userId));
    const base = { agreementId, content: "# Main text" };
    await refusal(addAgreementVersion(database, owner.viewer, { ...base, texts: [{ locale: "xx" as "de", content: "Text" }] }));
    await refusal(
      addAgreementVersion(database, owner.viewer, {
        ...base,
        texts: [
          { locale: "es", content: "Uno" },
          { locale: "es", content: "Dos" },
        ],
      }),
    );
    await refusal(
      addAgreementVersion(database, owner.viewer, { ...base, texts: [{ locale: "pt-BR", content: "x".repeat(MAX_CONTENT + 1) }] }),
    );
    await refusal(addAgreementVersion(database, owner.viewer, { ...base, texts: [{ locale: "de", content: "   " }] }));
    expect(await database.$count(agreementVersionTexts)).toBe(before);
    expect(await database.$count(agreementVersions, eq(agreementVersions.authorUserId, owner.viewer.userId))).toBe(versionsBefore);
  });
});
