import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompanyStepForm } from "@/components/activation/company-step";
import { StepButtons } from "@/components/activation/step-nav";
import { ENTITY_TYPE_WARNING } from "@/lib/accounts/entity-type";

const never = async () => ({ ok: true as const, data: undefined });
const company = (companyName: string, companies: { publicId: string; name: string }[] = [], choice = "new") =>
  renderToStaticMarkup(createElement(CompanyStepForm, { token: "t", action: never, backForm: "back", companies, choice, companyName }));

describe("activation step words", () => {
  it("the Activate button says Activating… while it activates, Next says Checking…", () => {
    expect(renderToStaticMarkup(createElement(StepButtons, { backForm: "back", pending: true, label: "Activate" }))).toContain(
      "Activating…",
    );
    expect(renderToStaticMarkup(createElement(StepButtons, { backForm: "back", pending: true }))).toContain("Checking…");
    expect(renderToStaticMarkup(createElement(StepButtons, { backForm: "back", pending: false, label: "Activate" }))).toContain(
      ">Activate<",
    );
  });

  it("a new company's name without an entity type gets a gentle note, never an error", () => {
    const bare = company("Contoso Cloud");
    expect(bare).toContain(ENTITY_TYPE_WARNING);
    expect(bare).not.toContain('aria-invalid="true"');
    expect(company("Contoso Cloud LLC")).not.toContain(ENTITY_TYPE_WARNING);
    expect(company("")).not.toContain(ENTITY_TYPE_WARNING);
    // Activating for one of the signer's own companies: the name box is not what is used.
    expect(company("Contoso Cloud", [{ publicId: "PA-100-200", name: "Old Co LLC" }], "PA-100-200")).not.toContain(ENTITY_TYPE_WARNING);
  });
});
