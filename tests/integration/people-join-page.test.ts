import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { JoinInvitation, type JoinView } from "@/components/people/join-page";
import { request, resetRequest } from "@/tests/support/next";

// Issue 24: the public /join page is in the reader's language (the browser's, or the switcher's cookie).
// (app/join/[token]/page.tsx gives the component its words' arguments: the role label and the date in that language.)

const view: JoinView = {
  token: "t".repeat(43),
  accountName: "Nordwind Distribution GmbH",
  accountPublicId: "ACC-1234-5678",
  accountRole: "distributor",
  roleLabel: "Admin",
  inviterName: null,
  email: "casey@example.test",
  expiresOn: "1 Dec 2026",
  passwordRule: "(rule)",
  mode: "new",
  viewerEmail: null,
};
const noop = async () => ({ ok: false as const, error: "" });
const actions = { joinNewUser: noop, joinAsViewer: noop, signOut: async () => {} } as never;
/** The component as the server renders it, without markup comments, so sentences read as a user sees them. */
const render = (v: JoinView) => renderToStaticMarkup(createElement(JoinInvitation, { view: v, actions })).replace(/<!-- -->/g, "");

beforeEach(() => resetRequest());

describe("the /join page in the reader's language", () => {
  it("keeps English as before", () => {
    const html = render(view);
    expect(html).toContain("Join Nordwind Distribution GmbH");
    expect(html).toContain(
      'Someone invited <strong class="break-all">casey@example.test</strong> to join Nordwind Distribution GmbH (a distributor, account <span class="font-mono">ACC-1234-5678</span>) with the role <strong class="break-all">Admin</strong>. The invitation expires on 1 Dec 2026.',
    );
    expect(html).toContain("Create user and join");
    const reseller = render({ ...view, accountRole: "reseller", inviterName: "Ana" });
    expect(reseller).toContain("Ana invited");
    expect(reseller).toContain("(a reseller, account");
  });

  it("reads in German with a browser asking for German, the account kind in the sentence's own grammar", () => {
    request.headers.set("accept-language", "de-DE,de;q=0.9");
    const html = render(view);
    expect(html).toContain("Nordwind Distribution GmbH beitreten");
    expect(html).toContain(
      'Jemand hat <strong class="break-all">casey@example.test</strong> eingeladen, Nordwind Distribution GmbH (ein Distributor, Konto <span class="font-mono">ACC-1234-5678</span>) mit der Rolle <strong class="break-all">Admin</strong> beizutreten.',
    );
    expect(html).toContain("Vollständiger Name");
    expect(html).toContain("Benutzer erstellen und beitreten");
    expect(html).not.toMatch(/Create user and join|invited|Full name/);
  });

  it("tells a signed-in other user to sign out, in their language", () => {
    request.cookies.set("scp-locale", "fr");
    const html = render({ ...view, mode: "other-user", viewerEmail: "lea@example.test" });
    expect(html).toContain('Vous êtes connecté en tant que <strong class="break-all">lea@example.test</strong>.');
    expect(html).toContain("Se déconnecter pour utiliser un autre compte");
  });
});
