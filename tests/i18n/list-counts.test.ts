import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { ListFooter } from "@/components/ui/list-footer";
import { translatorFor } from "@/lib/i18n/server";
import { messagesFor } from "@/messages";

// The lists' footers count their rows with each language's plural rules (an ICU plural per list), not
// "one if 1, else the plural word": French and Brazilian Portuguese say "0 contrat", "0 contrato".
describe("a list's row count in each language", () => {
  it("follows the language's plural rules", () => {
    const fr = translatorFor("fr", "Contracts");
    expect([0, 1, 2].map((count) => fr("rowsCount", { count }))).toEqual(["0 contrat", "1 contrat", "2 contrats"]);
    const en = translatorFor("en", "Contracts");
    expect([0, 1, 2].map((count) => en("rowsCount", { count }))).toEqual(["0 contracts", "1 contract", "2 contracts"]);
    expect(translatorFor("de", "Agreements")("rowsCount", { count: 1 })).toBe("1 Vereinbarung");
    expect(translatorFor("es", "Directory")("rowsCount", { count: 3 })).toBe("3 socios");
  });

  it("is what the footer says, on a page with more pages", () => {
    const footer = createElement(ListFooter, {
      count: 1,
      rowsLabel: translatorFor("fr", "Contracts")("rowsCount", { count: 1 }),
      nextHref: "/next",
    });
    const html = renderToStaticMarkup(
      createElement(NextIntlClientProvider, { locale: "fr", messages: messagesFor("fr"), timeZone: "UTC" } as never, footer),
    );
    expect(html).toContain("1 contrat");
    expect(html).not.toContain("1 contrats");
  });
});
