import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { useForm, type FieldValues } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { ContractParameterFields } from "@/components/contracts/wizard/parameters-step";

const TOO_LONG = "The note to signee can be at most 200 characters.";

/** The Parameters fields as the wizard renders them after Next refused a 500-character note. */
function Refused() {
  const form = useForm<FieldValues>({
    defaultValues: {
      program: false,
      delegate: false,
      kind: "production",
      noteToSignee: "x".repeat(500),
      internalNote: "",
      linkExpiresOn: "2027-01-01",
    },
    errors: { noteToSignee: { type: "too_big", message: TOO_LONG } },
  });
  return createElement(ContractParameterFields, {
    form,
    canDelegate: true,
    canProgram: true,
    minDate: "2026-01-01",
    maxDate: "2027-01-01",
  });
}

const text = (html: string) =>
  html
    .replaceAll("<!-- -->", "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("contract parameter fields", () => {
  it("keeps the Note to signee counter beside its error", () => {
    const html = renderToStaticMarkup(createElement(Refused));
    expect(text(html)).toContain("500/200 characters");
    expect(text(html)).toContain(TOO_LONG);
    expect(html).toMatch(
      /id="noteToSignee"[^>]*aria-describedby="noteToSignee-error noteToSignee-hint"|aria-describedby="noteToSignee-error noteToSignee-hint"[^>]*id="noteToSignee"/,
    );
  });

  it("marks Note to signee required, and no field optional", () => {
    const html = renderToStaticMarkup(createElement(Refused));
    expect(text(html)).toContain("Note to signee (required)");
    expect(html).toMatch(
      /<textarea[^>]*aria-required="true"[^>]*id="noteToSignee"|<textarea[^>]*id="noteToSignee"[^>]*aria-required="true"/,
    );
    expect(text(html)).not.toMatch(/optional/i);
  });
});
