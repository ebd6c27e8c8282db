import { NextRequest } from "next/server";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import ActivatePage from "@/app/activate/[token]/page";
import { LinkStatePage } from "@/components/activation/link-state";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { db, makeActiveContract, tokenOf } from "@/tests/support/factories";
import ClosedLinkPage from "@/app/activate/[token]/not-found";
import { proxy } from "@/proxy";
import { NotFoundSignal, request, resetRequest } from "@/tests/support/next";
import { distributorWithAgreement } from "./activation-support";

let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
beforeAll(async () => {
  setup = await distributorWithAgreement();
  resetRequest();
});

const state = async (token: string) => (await resolveActivationLink(await db(), token)).state;
const text = (html: string) => html.replaceAll("<!-- -->", "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("activation link states", () => {
  it("a deleted contract's link says it was deleted; a replaced or unknown link stays 'not valid'", async () => {
    const deleted = await setup.issue();
    await deleteContract(await db(), setup.issuer.viewer, { publicId: deleted.publicId });
    expect(await state(deleted.token)).toBe("deleted");

    const replaced = await setup.issue();
    await regenerateLink(await db(), setup.issuer.viewer, { publicId: replaced.publicId, linkExpiresOn: defaultExpiryDate() });
    expect(await state(replaced.token)).toBe("invalid");
    expect(await state("A".repeat(43))).toBe("invalid");

    const html = text(renderToStaticMarkup(createElement(LinkStatePage, { state: "deleted" })));
    expect(html).toContain("This contract was deleted");
    expect(html).toContain("The distributor deleted this contract, so its link can no longer be used.");
    expect(html).not.toContain(deleted.publicId);
  });

  it("answers every closed link with the not-found page (a 404 status), and a pending one with the flow", async () => {
    const deleted = await setup.issue();
    await deleteContract(await db(), setup.issuer.viewer, { publicId: deleted.publicId });
    const used = await setup.issue();
    await makeActiveContract(used);
    for (const token of ["A".repeat(43), deleted.token, used.token]) {
      await expect(ActivatePage({ params: Promise.resolve({ token }) })).rejects.toBeInstanceOf(NotFoundSignal);
    }
    const pending = await setup.issue();
    await expect(ActivatePage({ params: Promise.resolve({ token: tokenOf(pending.activationLink) }) })).resolves.toBeTruthy();
  });

  it("the not-found page says the state of the link in the path, which the proxy passes on and a client cannot choose", async () => {
    const deleted = await setup.issue();
    await deleteContract(await db(), setup.issuer.viewer, { publicId: deleted.publicId });
    const forwarded = (path: string, spoofed?: string) => {
      const res = proxy(new NextRequest(`http://localhost:3000${path}`, { headers: spoofed ? { "x-activation-token": spoofed } : {} }));
      return res.headers.get("x-middleware-request-x-activation-token");
    };
    expect(forwarded(`/activate/${deleted.token}`, "A".repeat(43))).toBe(deleted.token);
    expect(forwarded("/partners/contracts", deleted.token)).toBeNull();

    request.headers.set("x-activation-token", deleted.token);
    expect(text(renderToStaticMarkup(await ClosedLinkPage()))).toContain("This contract was deleted");
    request.headers.delete("x-activation-token");
    expect(text(renderToStaticMarkup(await ClosedLinkPage()))).toContain("This link is not valid");
  });

  it("a used link offers the Reseller Portal to a signed-in reseller, and Sign in to anyone else", () => {
    const reseller = renderToStaticMarkup(createElement(LinkStatePage, { state: "activated", reseller: true }));
    expect(reseller).toMatch(/<a [^>]*href="\/reseller"[^>]*>Go to Reseller Portal<\/a>/);
    expect(reseller).not.toContain("Sign in");
    const visitor = renderToStaticMarkup(createElement(LinkStatePage, { state: "activated" }));
    expect(visitor).toMatch(/<a [^>]*href="\/sign-in\?callbackUrl=%2Freseller"[^>]*>Sign in<\/a>/);
  });
});
