import { inArray } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { contracts } from "@/db/schema";
import { previewBulkInvite, runBulkInviteBatch } from "@/lib/bulk/bulk-invite";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { db, makeAccount, makeAgreement } from "../support/factories";
import { request, resetRequest } from "../support/next";

// Issue 24: an optional `language` column gives each signee's email language; empty is the uploader's.
let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});
afterEach(() => resetRequest());

const shared = () => ({ agreementId, linkExpiresOn: defaultExpiryDate(), sendReminders: true });

describe("Invite in bulk: the language column", () => {
  it("stores each row's language, the uploader's when empty, and refuses an unknown one before creating anything", async () => {
    request.headers.set("accept-language", "fr-FR,fr;q=0.9");
    const csv = [
      "Signee email,Note to signee,Kind,Language",
      "lang-de@example.test,Willkommen,production,de",
      "lang-pt@example.test,Bem-vindo,production,PT-br",
      "lang-empty@example.test,Bienvenue,test,",
      "lang-bad@example.test,Hello,production,klingon",
    ].join("\n");
    const preview = await previewBulkInvite(await db(), issuer.viewer, { csv, ...shared() });
    expect(preview.valid).toBe(3);
    // The uploader reads French: the row's problem is in French and names the languages it accepts.
    expect(preview.rows[3].problems).toEqual([
      'Langue : écrivez l’une des valeurs en, de, es, fr, pt-BR, ou laissez vide (pas "klingon").',
    ]);

    const results = await runBulkInviteBatch(await db(), issuer.viewer, {
      csv,
      ...shared(),
      fileHash: preview.fileHash,
      from: 0,
      count: 4,
    });
    expect(results.map((r) => r.outcome)).toEqual(["created", "created", "created", "skipped"]);
    const rows = await (
      await db()
    )
      .select({ email: contracts.signeeEmail, locale: contracts.signeeLocale })
      .from(contracts)
      .where(
        inArray(contracts.signeeEmail, [
          "lang-de@example.test",
          "lang-pt@example.test",
          "lang-empty@example.test",
          "lang-bad@example.test",
        ]),
      );
    expect(Object.fromEntries(rows.map((r) => [r.email, r.locale]))).toEqual({
      "lang-de@example.test": "de",
      "lang-pt@example.test": "pt-BR",
      "lang-empty@example.test": "fr",
    });
  });

  it("says the row's problems in English to an English uploader", async () => {
    const csv = ["Signee email,Note to signee,Kind,Language", "lang-x@example.test,Hi,production,xx"].join("\n");
    const preview = await previewBulkInvite(await db(), issuer.viewer, { csv, ...shared() });
    expect(preview.rows[0].problems).toEqual(['Language: write one of en, de, es, fr, pt-BR, or leave it empty (not "xx").']);
  });
});
