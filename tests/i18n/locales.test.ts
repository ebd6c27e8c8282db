import { describe, expect, it } from "vitest";
import { negotiateLocale, requestLocale } from "@/lib/i18n/locales";

describe("choosing the language of a request", () => {
  it("follows the browser's Accept-Language to the closest language we have", () => {
    expect(negotiateLocale("de-AT,de;q=0.9,en;q=0.5")).toBe("de");
    expect(negotiateLocale("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(negotiateLocale("fr-CA")).toBe("fr");
    expect(negotiateLocale("es-419,es;q=0.9")).toBe("es");
    expect(negotiateLocale("ja,zh;q=0.8")).toBe("en");
    expect(negotiateLocale("en;q=0.1,de;q=0.9")).toBe("de");
    expect(negotiateLocale(null)).toBe("en");
  });

  it("shrugs off a hostile header", () => {
    expect(negotiateLocale("*;q=abc,,;;,\u0000de")).toBe("en");
    expect(negotiateLocale("x".repeat(100_000))).toBe("en");
    expect(negotiateLocale("de;q=0")).toBe("en");
  });

  it("prefers the chosen language (cookie) over the browser's, and ignores a forged cookie", () => {
    expect(requestLocale("fr", "de")).toBe("fr");
    expect(requestLocale("klingon", "de")).toBe("de");
    expect(requestLocale(undefined, "es")).toBe("es");
  });
});
