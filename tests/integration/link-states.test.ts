import { NextRequest } from "next/server";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import ActivatePage from "@/app/activate/[token]/page";
import { LinkStatePage } from "@/components/activation/link-state";
import { resolveActivationLink } from "@/lib/activation/resolve-activation-link";
import { deleteContract } from "@/lib/contracts/delete-contract";
import { regenerateLink } from "@/lib/contracts/regenerate-link";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { proxy } from "@/proxy";
import { db, makeActiveContract } from "@/tests/support/factories";
import { resetRequest } from "@/tests/support/next";
import { distributorWithAgreement } from "./activation-support";

let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
beforeAll(async () => {
  setup = await distributorWithAgreement();
  resetRequest();
});

const state = async (token: string) => (await resolveActivationLink(await db(), token)).state;
const text = (html: string) =>
  html
    .replaceAll("<!-- -->", "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
const open = (token: string) => ActivatePage({ params: Promise.resolve({ token }) }) as Promise<ReactElement<{ state?: string }>>;
const statusOf = async (token: string, method = "GET") =>
  (await proxy(new NextRequest(`http://localhost:3000/activate/${token}`, { method }))).status;

describe("activation link states", () => {
  it("a deleted contract's link says it was deleted; a replaced or unknown link stays 'not valid'", async () => {
    const deleted = await setup.issue();
    await deleteContract(await db(), setup.issuer.viewer, { publicId: deleted.publicId });
    expect(await state(deleted.token)).toBe("deleted");
    const page = await open(deleted.token);
    expect([page.type, page.props.state]).toEqual([LinkStatePage, "deleted"]);

    const replaced = await setup.issue();
    await regenerateLink(await db(), setup.issuer.viewer, { publicId: replaced.publicId, linkExpiresOn: defaultExpiryDate() });
    expect(await state(replaced.token)).toBe("invalid");
    expect(await state("A".repeat(43))).toBe("invalid");

    const html = text(renderToStaticMarkup(createElement(LinkStatePage, { state: "deleted" })));
    expect(html).toContain("This contract was deleted");
    expect(html).toContain("The distributor deleted this contract, so its link can no longer be used.");
    expect(html).not.toContain(deleted.publicId);
  });

  it("answers a closed link's page with 404 (never was) or 410 (gone), a pending one with 200", async () => {
    const deleted = await setup.issue();
    await deleteContract(await db(), setup.issuer.viewer, { publicId: deleted.publicId });
    const used = await setup.issue();
    await makeActiveContract(used);
    const pending = await setup.issue();
    expect(await statusOf("A".repeat(43))).toBe(404);
    expect(await statusOf("not-a-token")).toBe(404);
    expect(await statusOf(deleted.token)).toBe(410);
    expect(await statusOf(used.token)).toBe(410);
    expect(await statusOf(used.token, "HEAD")).toBe(410);
    expect(await statusOf(pending.token)).toBe(200);
    // The step forms' posts are the actions' own answers, untouched.
    expect(await statusOf(used.token, "POST")).toBe(200);
  });

  it("a used link offers the Reseller Portal to a signed-in reseller, and Sign in to anyone else", () => {
    const reseller = renderToStaticMarkup(createElement(LinkStatePage, { state: "activated", reseller: true }));
    expect(reseller).toMatch(/<a [^>]*href="\/reseller"[^>]*>Go to Reseller Portal<\/a>/);
    expect(reseller).not.toContain("Sign in");
    const visitor = renderToStaticMarkup(createElement(LinkStatePage, { state: "activated" }));
    expect(visitor).toMatch(/<a [^>]*href="\/sign-in\?callbackUrl=%2Freseller"[^>]*>Sign in<\/a>/);
  });
});
