import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ContractHeader } from "@/components/contracts/details/contract-header";
import { rejectContract } from "@/lib/activation/reject-contract";
import { getContractDetails } from "@/lib/contracts/get-contract-details";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { formatExactTime } from "@/lib/format";
import { escapeHtml } from "@/lib/html";
import { HOSTILE_STRINGS } from "@/tests/support/hostile";
import { db, makeAccount, makeActiveContract, makeAgreement, makeContract, tokenOf } from "@/tests/support/factories";

let issuer: Awaited<ReturnType<typeof makeAccount>>;
let agreementId: string;
beforeAll(async () => {
  issuer = await makeAccount();
  agreementId = (await makeAgreement(issuer)).agreement.publicId;
});

const header = async (publicId: string) => {
  const details = await getContractDetails(await db(), issuer.viewer, publicId, "issuer");
  return { details, html: renderToStaticMarkup(ContractHeader({ contract: details })).replaceAll("<!-- -->", "") };
};
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("contract header", () => {
  it("shows why and when a contract was terminated", async () => {
    const c = await makeContract(issuer, agreementId);
    await makeActiveContract(c);
    await terminateContract(await db(), issuer.viewer, { publicId: c.publicId, reason: "Unpaid invoices since March." });
    const { details, html } = await header(c.publicId);
    expect(details.terminatedAt).toBeInstanceOf(Date);
    expect(text(html)).toMatch(/Terminated just now \. Reason: Unpaid invoices since March\./);
    expect(html).toContain(`title="${formatExactTime(details.terminatedAt!)}"`);
  });

  it("shows why and when a contract was rejected", async () => {
    const c = await makeContract(issuer, agreementId, { signeeEmail: "no@thanks.test" });
    await rejectContract(
      await db(),
      tokenOf(c.activationLink),
      { reason: "We already work with another distributor." },
      { ip: "203.0.113.9", userAgent: "t" },
    );
    const { details, html } = await header(c.publicId);
    expect(details.rejectedAt).toBeInstanceOf(Date);
    expect(text(html)).toMatch(/Rejected just now \. Reason: We already work with another distributor\./);
    expect(html).toContain(`title="${formatExactTime(details.rejectedAt!)}"`);
  });

  it("shows Production as a chip like Test, and who was invited while pending", async () => {
    const emailed = await header(
      (await makeContract(issuer, agreementId, { kind: "production", signeeEmail: "Buyer@Acme.test" })).publicId,
    );
    expect(emailed.html).toMatch(/<span class="badge badge-neutral">Production<\/span>/);
    expect(text(emailed.html)).toContain("Signee Invited: buyer@acme.test");
    expect(emailed.html).not.toContain("Reason");
    const test = await header((await makeContract(issuer, agreementId, { kind: "test" })).publicId);
    expect(test.html).toMatch(/<span class="badge badge-test">Test<\/span>/);
    expect(text(test.html)).toContain("Signee Link only");
  });

  it("shows an issuer's or partner's hostile name as text, where a plain name would be (the summary is server-written markup)", async () => {
    const { details } = await header((await makeContract(issuer, agreementId)).publicId);
    const MARK = "PLACEHOLDERNAME";
    const named = (name: string) =>
      renderToStaticMarkup(
        ContractHeader({
          contract: { ...details, issuer: { ...details.issuer, name }, owner: { name, publicId: "PA-123-456" } as typeof details.owner },
        }),
      );
    const plain = named(MARK);
    expect(text(plain)).toContain(`Partner ${MARK} PA-123-456`);
    for (const name of HOSTILE_STRINGS) expect(named(name)).toBe(plain.replaceAll(MARK, escapeHtml(name)));
  });
});
