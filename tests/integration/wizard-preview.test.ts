import { beforeAll, describe, expect, it } from "vitest";
import { previewWizardAgreementAction } from "@/app/(portal)/partners/contracts/actions";
import { addAgreementVersion } from "@/lib/agreements/add-agreement-version";
import { actAs, db, makeAccount, makeAgreement } from "@/tests/support/factories";

let owner: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;
beforeAll(async () => {
  owner = await makeAccount();
  agreementId = (await makeAgreement(owner, { name: "Preview Terms" })).agreement.publicId;
  await addAgreementVersion(await db(), owner.viewer, { agreementId, content: "# A draft nobody signs yet" });
});

describe("the wizard's Agreement step preview", () => {
  it("shows the chosen agreement's active version, the text a new contract is made on", async () => {
    actAs(owner);
    expect(await previewWizardAgreementAction({ agreementId })).toEqual({
      ok: true,
      data: { number: 1, contentKind: "markdown", content: "# Preview Terms\n\nVersion 1 of the terms." },
    });
  });

  it("shows nothing of another account's agreement, nor of a program agreement", async () => {
    actAs(await makeAccount());
    expect(await previewWizardAgreementAction({ agreementId })).toMatchObject({ ok: false, error: "This agreement was not found." });
    const program = (await makeAgreement(owner, { type: "program" })).agreement.publicId;
    actAs(owner);
    expect(await previewWizardAgreementAction({ agreementId: program })).toMatchObject({
      ok: false,
      error: "This agreement was not found.",
    });
  });
});
