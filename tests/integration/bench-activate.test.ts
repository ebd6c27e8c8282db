import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { activateAction } from "@/app/activate/actions";
import { activated, newResellerProgress, progressCookie } from "@/bench/activation-submit";
import { hashPassword } from "@/lib/security/passwords";
import { actAs } from "@/tests/support/factories";
import { request, resetRequest } from "@/tests/support/next";
import { contractRow, distributorWithAgreement, NEW_PASSWORD } from "./activation-support";
import { newVisitor, stepForm, submit } from "./activation-steps-support";

/** The Cookie header the bench sends, put in the request the action reads. */
function sendCookie(header: string): void {
  const at = header.indexOf("=");
  request.cookies.set(header.slice(0, at), header.slice(at + 1));
}

// Ratio 6 (docs/notes/bench.md) posts only Activate, on progress the bench seals itself: if the action's
// contract for that progress changes, the bench would measure refusals; this fails first.
describe("the benchmark's prepared Activate submission", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  let hash: string;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
    hash = await hashPassword(NEW_PASSWORD);
  });
  beforeEach(() => {
    resetRequest();
    actAs(null);
    newVisitor();
  });

  it("activates the contract and lands in the Reseller Portal, as the bench counts it", async () => {
    const c = await setup.issue();
    sendCookie(progressCookie(c.token, newResellerProgress(7, "test", hash)));
    const moved = await submit(activateAction, stepForm(c.token));
    expect(moved.state).toBeUndefined();
    expect(activated(303, moved.to)).toBe(true);
    const row = await contractRow(c.id);
    expect(row.status).toBe("active");
    expect(moved.to).toBe(`/reseller?activated=${row.publicId}`);
  });

  it("is refused, and not counted, when the progress was sealed for another link", async () => {
    const [c, other] = [await setup.issue(), await setup.issue()];
    sendCookie(progressCookie(other.token, newResellerProgress(8, "test", hash)));
    const moved = await submit(activateAction, stepForm(c.token));
    expect(moved.state?.ok).toBe(false);
    expect(activated(200, moved.to)).toBe(false);
    expect((await contractRow(c.id)).status).toBe("pending");
  });
});
