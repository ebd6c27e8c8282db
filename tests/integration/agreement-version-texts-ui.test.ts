import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addAgreementVersionAction } from "@/app/(portal)/partners/agreements/actions";
import AgreementPage from "@/app/(portal)/partners/agreements/[publicId]/page";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { listVersionTexts } from "@/lib/agreements/version-texts";
import { sha256Hex } from "@/lib/security/tokens";
import { actAs, db, makeAccount, makeAgreement } from "../support/factories";
import { request } from "../support/next";

// Issue 24: the agreement page shows a version's texts in other languages as tabs beside its main text,
// and Add version sends them with the version.
let owner: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  owner = await makeAccount();
});

const page = async (publicId: string, sp: Record<string, string> = {}) =>
  renderToStaticMarkup(await AgreementPage({ params: Promise.resolve({ publicId }), searchParams: Promise.resolve(sp) }));

/** The tab links of the version's text, as [label, href, current]. */
const tabs = (html: string) =>
  [
    ...(html.match(/<div data-testid="version-texts"><nav [\s\S]*?<\/nav>/)?.[0] ?? "").matchAll(
      /<a [^>]*?href="([^"]+)"[^>]*>(.*?)<\/a>/g,
    ),
  ].map((m) => [m[2], m[1].replaceAll("&amp;", "&"), m[0].includes('aria-current="page"')] as const);

describe("the agreement page with a version in other languages", () => {
  it("shows Main text, Deutsch and Français tabs; the German tab shows the German text, rendered", async () => {
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    await addAgreementVersion(await db(), owner.viewer, {
      agreementId: agreement.publicId,
      content: "# Main terms\n\nThe partner **agrees**.",
      texts: [
        { locale: "fr", content: "# Conditions\n\nLe partenaire **accepte**." },
        { locale: "de", content: "# Bedingungen\n\nDer Partner **stimmt zu**." },
      ],
    });
    actAs(owner);
    const base = `/partners/agreements/${agreement.publicId}?version=2`;
    const main = await page(agreement.publicId, { version: "2" });
    expect(tabs(main)).toEqual([
      ["Main text", base, true],
      ["Deutsch", `${base}&text=de`, false],
      ["Français", `${base}&text=fr`, false],
    ]);
    expect(main).toContain("<h1>Main terms</h1>");
    expect(main).not.toContain("Bedingungen");

    const german = await page(agreement.publicId, { version: "2", text: "de" });
    expect(tabs(german).find(([, , current]) => current)?.[0]).toBe("Deutsch");
    expect(german).toMatch(
      /<div lang="de"><div class="agreement-prose[^"]*"><h1>Bedingungen<\/h1>\s*<p>Der Partner <strong>stimmt zu<\/strong>\.<\/p>/,
    );
    expect(german).not.toContain("Main terms");

    // An unknown or absent language falls back to the main text; a version without texts has no tabs.
    expect(await page(agreement.publicId, { version: "2", text: "es" })).toContain("<h1>Main terms</h1>");
    expect(tabs(await page(agreement.publicId, { version: "1" }))).toEqual([]);
  });

  it("names the tabs in the reader's language", async () => {
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    await addAgreementVersion(await db(), owner.viewer, {
      agreementId: agreement.publicId,
      content: "# Main",
      texts: [{ locale: "es", content: "# Principal" }],
    });
    actAs(owner);
    request.headers.set("accept-language", "de");
    const html = await page(agreement.publicId, { version: "2" });
    expect(html).toContain('aria-label="Sprachen von Version 2"');
    expect(tabs(html).map(([label]) => label)).toEqual(["Haupttext", "Español"]);
  });
});

describe("Add version with texts in other languages", () => {
  it("stores them with the version; a refused language text is marked on its own field", async () => {
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    actAs(owner);
    const de = "# Vereinbarung";
    expect(
      await addAgreementVersionAction({ agreementId: agreement.publicId, content: "# Terms", texts: [{ locale: "de", content: de }] }),
    ).toEqual({ ok: true, data: { number: 2 } });
    expect(await listVersionTexts(await db(), owner.viewer, agreement.publicId, 2)).toEqual([
      { locale: "de", content: de, sha256: sha256Hex(de) },
    ]);

    const refused = await addAgreementVersionAction({
      agreementId: agreement.publicId,
      content: "# Terms",
      texts: [
        { locale: "de", content: de },
        { locale: "fr", content: "   " },
      ],
    });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { "texts.1.content": expect.any(String) } });
    expect(Object.keys((refused as { fieldErrors: object }).fieldErrors)).toEqual(["texts.1.content"]);
    expect(await listVersionTexts(await db(), owner.viewer, agreement.publicId, 3)).toEqual([]);
  });
});
