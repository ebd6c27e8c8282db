import { eq } from "drizzle-orm";
import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createAgreementAction } from "@/app/(portal)/partners/agreements/actions";
import { createContractAction } from "@/app/(portal)/partners/contracts/actions";
import { terminateContractAction } from "@/app/(portal)/partners/contracts/[publicId]/actions";
import { GeneralTab } from "@/components/contracts/details/general-tab";
import { Markdown } from "@/components/markdown";
import { agreements, agreementVersions, contracts, outbox } from "@/db/schema";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { escapeHtml } from "@/lib/html";
import { actAs, db, makeAccount, makeActiveContract, makeAgreement, makeContract } from "../support/factories";
import { RedirectSignal } from "../support/next";

// SECURITY.md (bad input, rendering): text that is valid but hostile (HTML, RTL marks, emoji, SQL, control
// characters) is stored exactly as typed and, wherever it is shown (agreement markdown, the contract's
// note on the details page, emails), it comes out as text, never as markup.

const pieces = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\u202e",
  "😀👍🏽",
  "'; drop table users; --",
  "\u0007",
  "\r\n",
  "&amp; \"q\" 'a'",
  "Acme",
];
/** Well-formed, NUL-free text that survives trim unchanged, within `max` characters. */
const validHostile = (max: number) =>
  fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "grapheme", maxLength: 8 })), { minLength: 1, maxLength: 6 }).map((p) => {
    let s = `x${p.join("").replace(/\u0000/g, "")}`;
    // Shorten by whole code points: a cut emoji would leave a lone surrogate, which no database stores.
    while (s.length > max - 1) s = [...s].slice(0, -1).join("");
    return `${s}x`;
  });

const TAG = /<(script|img|iframe|svg)\b/i;
let staff: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;

beforeAll(async () => {
  staff = await makeAccount({ name: "Evil <b>Distributor</b>\r\nBcc: x@example.test Inc." });
  agreementId = (await makeAgreement(staff)).agreement.publicId;
});

async function created(action: Promise<unknown>): Promise<string> {
  try {
    throw new Error(`not redirected: ${JSON.stringify(await action)}`);
  } catch (e) {
    if (!(e instanceof RedirectSignal)) throw e;
    return e.url.split("/").pop()!;
  }
}

describe("valid but hostile text", () => {
  it("an agreement's name, description and text are stored exactly and rendered as text", async () => {
    await fc.assert(
      fc.asyncProperty(validHostile(100), validHostile(2000), async (name, text) => {
        actAs(staff);
        const publicId = await created(createAgreementAction({ type: "service", name, description: text, content: text, activate: true }));
        const database = await db();
        const [row] = await database.select().from(agreements).where(eq(agreements.publicId, publicId));
        expect(row.name).toBe(name);
        expect(row.description).toBe(text);
        const [v] = await database.select().from(agreementVersions).where(eq(agreementVersions.agreementId, row.id));
        expect(v.content).toBe(text);
        const html = renderToStaticMarkup(createElement(Markdown, null, v.content));
        expect(html).not.toMatch(TAG);
        expect(html).not.toMatch(/\son[a-z]+=/i);
      }),
      { numRuns: 20 },
    );
  });

  it("a contract's note is stored exactly, shown escaped on the details page and in the invitation email", async () => {
    await fc.assert(
      fc.asyncProperty(validHostile(200), async (note) => {
        actAs(staff);
        const result = (await createContractAction({
          agreementId,
          kind: "test",
          noteToSignee: note,
          linkExpiresOn: defaultExpiryDate(),
          signeeEmail: "signee@example.test",
        })) as {
          ok: boolean;
          data: { publicId: string };
        };
        expect(result.ok, JSON.stringify(result)).toBe(true);
        const database = await db();
        const [row] = await database.select().from(contracts).where(eq(contracts.publicId, result.data.publicId));
        expect(row.noteToSignee).toBe(note);

        const details = await getContractDetails(database, staff.viewer, row.publicId, "issuer");
        const rendered = renderToStaticMarkup(
          createElement(GeneralTab, { contract: details, mode: "issuer", viewAgreement: true, basePath: "/partners/contracts" }),
        );
        // The page's own icons (lucide SVGs on its buttons) are not the note's.
        const page = rendered.replace(/<svg [^>]*class="lucide[^"]*"[^>]*>[\s\S]*?<\/svg>/g, "");
        expect(page).not.toMatch(TAG);
        expect(page).toContain(escapeHtml(note).replace(/&#39;/g, "&#x27;"));

        const [mail] = await database.select().from(outbox).where(eq(outbox.contractId, row.id));
        expect(mail.html).toContain(escapeHtml(note));
        expect(mail.html).not.toMatch(TAG);
        expect(mail.text).toContain(note);
        expect(mail.subject).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 20 },
    );
  });

  it("a termination reason reaches the reseller's email escaped", async () => {
    await fc.assert(
      fc.asyncProperty(validHostile(100), async (reason) => {
        const { contract } = await makeActiveContract(await makeContract(staff, agreementId));
        actAs(staff);
        const result = (await terminateContractAction({ publicId: contract.publicId, reason })) as { ok: boolean };
        expect(result.ok, JSON.stringify(result)).toBe(true);
        const mails = await (await db()).select().from(outbox).where(eq(outbox.contractId, contract.id));
        const mail = mails.find((m) => m.kind === "contract_terminated")!;
        expect(mail.html).toContain(escapeHtml(reason));
        expect(mail.html).not.toMatch(TAG);
      }),
      { numRuns: 15 },
    );
  });
});
