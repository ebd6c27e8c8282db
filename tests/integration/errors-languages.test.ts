import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { rejectAction } from "@/app/activate/actions";
import { deleteAgreementVersionAction, publishAgreementVersionAction } from "@/app/(portal)/partners/agreements/actions";
import { PartnersTable } from "@/components/directory/partners-table";
import { parseBulkCsv } from "@/lib/bulk/parse-csv";
import { signeeWords } from "@/lib/contracts/signee";
import type { PartnerRow } from "@/lib/directory/list-partners";
import { type AppError, isAppError } from "@/lib/errors";
import { api, keyFor } from "../support/api";
import { actAs, makeAccount, makeAgreement } from "../support/factories";
import { request, resetRequest } from "../support/next";

// Issue 24: the errors thrown by the domain (lib/**) in the reader's language; English exactly as before.

let owner: Awaited<ReturnType<typeof makeAccount>>;

beforeAll(async () => {
  owner = await makeAccount();
});

afterEach(() => resetRequest());

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (isAppError(e)) return e;
    throw e;
  }
  throw new Error("nothing thrown");
}

describe("domain errors in the reader's language", () => {
  it("a server action answers a domain refusal with values in German and Spanish, English by default", async () => {
    actAs(owner);
    const { agreement } = await makeAgreement(owner);
    const only = { agreementId: agreement.publicId, number: 1 };
    expect(await deleteAgreementVersionAction(only)).toEqual({
      ok: false,
      error: "Version 1 is the only version of this agreement and cannot be deleted.",
    });
    request.headers.set("accept-language", "de-DE,de;q=0.9");
    expect(await deleteAgreementVersionAction(only)).toEqual({
      ok: false,
      error: "Version 1 ist die einzige Version dieser Vereinbarung und kann nicht gelöscht werden.",
    });
    request.headers.set("accept-language", "es");
    expect(await publishAgreementVersionAction({ agreementId: agreement.publicId, number: 9 })).toEqual({
      ok: false,
      error: "No se encontró la versión 9 de este acuerdo.",
    });
  });

  it("the activation page's refusal of a link comes in the browser's language", async () => {
    const form = () => {
      const f = new FormData();
      f.set("token", "not-a-token");
      f.set("reason", "No");
      return f;
    };
    expect(await rejectAction(null, form())).toMatchObject({
      ok: false,
      error: "This activation link is not valid. It may have been replaced by a newer link. Ask your distributor for a new one.",
    });
    request.headers.set("accept-language", "de");
    expect(await rejectAction(null, form())).toMatchObject({
      ok: false,
      error:
        "Dieser Aktivierungslink ist nicht gültig. Möglicherweise wurde er durch einen neueren Link ersetzt. Bitten Sie Ihren Distributor um einen neuen.",
    });
  });

  it("the REST API answers a domain conflict in the Accept-Language's language", async () => {
    const key = await keyFor(owner);
    const { agreement } = await makeAgreement(owner);
    const path = `/agreements/${agreement.publicId}/versions/1/activate`;
    const en = await api("POST", path, { key });
    expect(en.status).toBe(409);
    expect(en.body).toMatchObject({ detail: "Version 1 is already the active version." });
    const es = await api("POST", path, { key, headers: { "accept-language": "es-ES,es;q=0.9" } });
    expect(es.body).toMatchObject({ status: 409, detail: "La versión 1 ya es la versión activa." });
    const de = await api("POST", `/agreements/${agreement.publicId}/versions/7/activate`, { key, headers: { "accept-language": "de" } });
    expect(de.body).toMatchObject({ status: 404, detail: "Version 7 dieser Vereinbarung wurde nicht gefunden." });
  });

  it("the bulk invite's file-level CSV errors, message and field, in every language", () => {
    const empty = thrown(() => parseBulkCsv(""));
    expect(empty.message).toBe("The file is empty.");
    expect(empty.inLocale("fr")).toEqual({ message: "Le fichier est vide.", fieldErrors: { csv: "Le fichier est vide." } });
    const columns = thrown(() => parseBulkCsv("foo,bar\n1,2\n"));
    expect(columns.message).toMatch(/^The first row must name the columns; missing: .+\.$/);
    expect(columns.inLocale("pt-BR").message).toMatch(/^A primeira linha deve nomear as colunas; faltam: .+\.$/);
  });

  it("the signee words (Link only, Invited:) read in the page's language", () => {
    expect(signeeWords({ name: null, email: null, invitedEmail: null, pending: true })).toBe("Link only");
    expect(signeeWords({ name: null, email: null, invitedEmail: "a@example.com", pending: true })).toBe("Invited: a@example.com");
    const row = (publicId: string, signee: string, contactEmail: string | null): PartnerRow => ({
      kind: "invitation",
      publicId,
      name: contactEmail ?? "Link only",
      status: "invited",
      contractCount: 1,
      contractIds: [publicId],
      signeeName: null,
      signee,
      contactEmail,
      linkExpired: false,
      createdAt: new Date("2026-01-01T00:00:00Z"),
    });
    const rows = [
      row("CRS-1111-1111-1111", signeeWords({ name: null, email: null, invitedEmail: null, pending: true }), null),
      row("CRS-2222-2222-2222", signeeWords({ name: null, email: null, invitedEmail: "b@example.com", pending: true }), "b@example.com"),
    ];
    request.headers.set("accept-language", "de");
    const html = renderToStaticMarkup(createElement(PartnersTable, { rows }));
    expect(html).toContain("Nur Link");
    expect(html).toContain("Eingeladen: b@example.com");
    expect(html).not.toContain("Link only");
    resetRequest();
    const english = renderToStaticMarkup(createElement(PartnersTable, { rows }));
    expect(english).toContain("Link only");
    expect(english).toContain("Invited: b@example.com");
  });
});
