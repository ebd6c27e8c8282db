// docs/security-requirements.md 34: a contract grants only what its issuer holds, checked at creation and again inside the
// activating transaction; no account owns a contract it issued; an issuer that loses service.create has
// its pending links refused, with their own page. (Action-level rows: tests/security/authorization-matrix.test.ts.)
import { eq } from "drizzle-orm";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ActivatePage from "@/app/activate/[token]/page";
import { reviewStepAction } from "@/app/activate/step-actions";
import { LinkStatePage } from "@/components/activation/link-state";
import { contracts } from "@/db/schema";
import { activateContract } from "@/lib/activation/activate-contract";
import { WITHDRAWN_LINK_MESSAGE } from "@/lib/activation/link-refusal";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { terminateContract } from "@/lib/contracts/terminate-contract";
import { createPartner } from "@/lib/directory/create-partner";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { NO_PERMISSIONS } from "@/lib/permissions";
import { contractRow, NEW_PASSWORD, requestFrom, tableCounts } from "@/tests/integration/activation-support";
import { stepForm } from "@/tests/integration/activation-steps-support";
import { db, makeAccount, makeContract, TEST_PASSWORD, viewerFor } from "@/tests/support/factories";
import { resetRequest } from "@/tests/support/next";
import { onPostgres } from "@/tests/support/setup-db";
import { sleep } from "./concurrency-support";
import { delegatedReseller } from "./delegation-support";

const newSigner = (tag: string) => ({
  signer: { kind: "new" as const, email: `${tag}@downstream.example.test`, fullName: "Dana Downstream", password: NEW_PASSWORD },
  company: { kind: "new" as const, name: `${tag} Customer GmbH` },
});
const unchanged = async (before: Record<string, number>) =>
  expect({ ...(await tableCounts()), rate_limits: 0 }).toEqual({ ...before, rate_limits: 0 });

describe("delegation cannot be escalated", () => {
  it("a delegated reseller cannot create a contract granting Program, in the wizard or through Create Partner; nothing is written", async () => {
    const r = await delegatedReseller();
    expect(r.reseller.viewer.permissions.agreement).toEqual({ program: { create: false }, service: { create: true, delegate: false } });
    const before = await tableCounts();
    const refusal = { code: "forbidden", fieldErrors: { program: "Not available for your account." } };
    await expect(makeContract(r.reseller, r.agreement, { program: true })).rejects.toMatchObject(refusal);
    await expect(
      createPartner(await db(), r.reseller.viewer, {
        type: "reseller",
        companyName: "Escalation LLC",
        contactEmail: "esc@example.test",
        agreementMode: "new",
        agreementName: "Self terms",
        agreementDescription: "d",
        agreementContent: "terms",
        kind: "production",
        noteToSignee: "Hi",
        linkExpiresOn: defaultExpiryDate(),
        program: true,
        delegate: false,
      } as never),
    ).rejects.toMatchObject(refusal);
    await expect(makeContract(r.reseller, r.agreement, { delegate: true })).rejects.toMatchObject({
      code: "forbidden",
      fieldErrors: { delegate: expect.any(String) },
    });
    await unchanged(before);
    // Within what it holds it invites as before.
    expect((await r.issue()).permissions).toEqual(NO_PERMISSIONS);
  });

  it("a reseller that holds Program through one of its contracts may pass Program on", async () => {
    const r = await delegatedReseller({ programGrant: true });
    expect((await r.issue({ program: true })).permissions.agreement.program.create).toBe(true);
  });

  it("an issuer cannot activate its own link for itself, signed in or by password; nothing is written", async () => {
    const r = await delegatedReseller();
    const c = await r.issue();
    const before = await tableCounts();
    const own = { kind: "existing" as const, accountPublicId: r.reseller.account.publicId };
    for (const signer of [
      { kind: "viewer" as const, userId: r.reseller.user.id },
      { kind: "existing" as const, email: r.reseller.user.email, password: TEST_PASSWORD },
    ]) {
      await expect(activateContract(await db(), c.token, { signer, company: own }, requestFrom())).rejects.toMatchObject({
        code: "forbidden",
        fieldErrors: { companyId: "A company cannot activate a contract it issued itself. Choose another company." },
      });
    }
    await unchanged(before);
    expect((await contractRow(c.id)).status).toBe("pending");
  });

  it("after the issuer's own contract is terminated, its pending link gets the 'withdrawn' page and cannot be activated", async () => {
    const r = await delegatedReseller();
    const c = await r.issue();
    expect((await resolveActivationLink(await db(), c.token)).state).toBe("pending");
    await terminateContract(await db(), r.distributor.viewer, { publicId: r.delegation.publicId, reason: "Partnership ended" });

    expect(await resolveActivationLink(await db(), c.token)).toEqual({ state: "withdrawn" });
    resetRequest();
    const page = (await ActivatePage({ params: Promise.resolve({ token: c.token }) })) as ReactElement<{ state?: string }>;
    expect(page.type).toBe(LinkStatePage);
    expect(page.props.state).toBe("withdrawn");
    const html = renderToStaticMarkup(createElement(LinkStatePage, { state: "withdrawn" }));
    expect(html).toContain("This invitation can no longer be accepted");
    expect(html).toContain(WITHDRAWN_LINK_MESSAGE);
    for (const secret of [c.publicId, r.reseller.account.name, r.reseller.account.publicId, r.distributor.account.name])
      expect(html).not.toContain(secret);

    const before = await tableCounts();
    await expect(activateContract(await db(), c.token, newSigner("after-termination"), requestFrom())).rejects.toMatchObject({
      code: "forbidden",
      message: WITHDRAWN_LINK_MESSAGE,
    });
    expect(await reviewStepAction(null, stepForm(c.token, { email: "visitor@example.test", accepted: "on" }))).toMatchObject({
      ok: false,
      error: WITHDRAWN_LINK_MESSAGE,
    });
    await unchanged(before);
    expect((await contractRow(c.id)).status).toBe("pending");
  });

  it("the activating transaction re-checks: Program withdrawn between link creation and activation refuses the link", async () => {
    const r = await delegatedReseller({ programGrant: true });
    const withProgram = await r.issue({ program: true });
    const without = await r.issue();
    await terminateContract(await db(), r.distributor.viewer, { publicId: r.programGrant!.publicId, reason: "Program ended" });
    // Still an inviting reseller, but no longer holding Program.
    expect((await viewerFor(r.reseller.user.id, r.reseller.account.publicId))!.permissions.agreement).toMatchObject({
      program: { create: false },
      service: { create: true },
    });
    await expect(activateContract(await db(), withProgram.token, newSigner("program-gone"), requestFrom())).rejects.toMatchObject({
      message: WITHDRAWN_LINK_MESSAGE,
    });
    expect((await contractRow(withProgram.id)).status).toBe("pending");
    await activateContract(await db(), without.token, newSigner("program-never"), requestFrom());
    expect((await contractRow(without.id)).status).toBe("active");
  });

  it(`a termination that commits while the activation waits is seen by it (${onPostgres ? "PostgreSQL: the activation waits on the row lock" : "PGlite: serialized, same outcome"})`, async () => {
    const r = await delegatedReseller({ programGrant: true });
    const c = await r.issue({ program: true });
    const signer = await makeAccount({ role: "reseller" });
    const d = await db();
    let activation: Promise<unknown> | undefined;
    // Hold what terminateContract holds: the granting contract's row, updated but not yet committed.
    // The activation must wait for it and then see the termination; a plain read would still see the
    // grant active (READ COMMITTED) and activate a Program contract its issuer no longer holds.
    await d.transaction(async (tx) => {
      await tx
        .update(contracts)
        .set({ status: "terminated", terminatedAt: new Date(), terminationReason: "Ended" })
        .where(eq(contracts.id, r.programGrant!.id));
      activation = activateContract(
        d,
        c.token,
        { signer: { kind: "viewer", userId: signer.user.id }, company: { kind: "existing", accountPublicId: signer.account.publicId } },
        requestFrom(),
      );
      activation.catch(() => {});
      await sleep(800);
    });
    await expect(activation).rejects.toMatchObject({ message: WITHDRAWN_LINK_MESSAGE });
    expect((await contractRow(c.id)).status).toBe("pending");
  });
});
