import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreements, agreementVersions } from "@/db/schema";
import {
  addAgreementVersionAction,
  createAgreementAction,
  deleteAgreementVersionAction,
  publishAgreementVersionAction,
} from "@/app/(portal)/partners/agreements/actions";
import { actAs, db, makeAccount, makeAgreement } from "../support/factories";
import { request, RedirectSignal } from "../support/next";

let owner: Awaited<ReturnType<typeof makeAccount>>;
let stranger: Awaited<ReturnType<typeof makeAccount>>;
const valid = { type: "service" as const, name: "Action Terms", description: "D", content: "# T" };

beforeAll(async () => {
  owner = await makeAccount();
  stranger = await makeAccount();
});

describe("agreement actions", () => {
  it("creates and redirects to the new agreement's page", async () => {
    actAs(owner);
    const signal = await createAgreementAction(valid).catch((e) => e);
    expect(signal).toBeInstanceOf(RedirectSignal);
    const publicId = (signal as RedirectSignal).url.split("/").pop()!;
    const [row] = await (await db()).select().from(agreements).where(eq(agreements.publicId, publicId));
    expect(row).toMatchObject({ name: "Action Terms", ownerAccountId: owner.account.id, createdByUserId: owner.user.id });
  });

  it("returns field messages for bad input, and a plain refusal without a session or from another site", async () => {
    actAs(owner);
    expect(await createAgreementAction({ ...valid, name: "" })).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { name: "Enter a name." },
    });
    actAs(null);
    expect(await createAgreementAction(valid)).toEqual({ ok: false, error: "Please sign in to continue.", fieldErrors: undefined });
    actAs(owner);
    request.headers.set("origin", "https://evil.example");
    expect(await createAgreementAction(valid)).toMatchObject({ ok: false, error: "This request came from another site and was refused." });
  });

  it("adds, publishes and deletes versions for the owner only; another tenant gets 'not found'", async () => {
    const { agreement } = await makeAgreement(owner, { versions: 1 });
    const ref = { agreementId: agreement.publicId, number: 2 };
    actAs(owner);
    expect(await addAgreementVersionAction({ agreementId: agreement.publicId, content: "v2", activate: false })).toEqual({
      ok: true,
      data: { number: 2 },
    });
    actAs(stranger);
    const publish = (r: typeof ref) => publishAgreementVersionAction(r);
    for (const call of [
      () => publish(ref),
      () => deleteAgreementVersionAction(ref),
      () => addAgreementVersionAction({ agreementId: agreement.publicId, content: "x" }),
    ]) {
      expect(await call()).toMatchObject({ ok: false, error: "This agreement was not found." });
    }
    actAs(owner);
    expect(await publish(ref)).toEqual({ ok: true, data: { number: 2, previous: 1, contractsWithUpdates: 0 } });
    expect(await deleteAgreementVersionAction(ref)).toMatchObject({ ok: false, error: expect.stringMatching(/active version/) });
    expect(await deleteAgreementVersionAction({ ...ref, number: 1 })).toEqual({ ok: true, data: undefined });
    const rows = await (await db()).select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id));
    expect(rows.map((r) => [r.number, r.active])).toEqual([[2, true]]);
  });
});
