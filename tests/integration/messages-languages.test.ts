import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAgreementAction } from "@/app/(portal)/partners/agreements/actions";
import { Field, FormError } from "@/components/ui/field";
import { AppError } from "@/lib/errors";
import { localizeMessage, v } from "@/lib/message-keys";
import { api, keyFor } from "../support/api";
import { actAs, makeAccount, makeAgreement } from "../support/factories";
import { request, resetRequest } from "../support/next";

// Issue 24: validation and error messages in the reader's language; English exactly as before.

let owner: Awaited<ReturnType<typeof makeAccount>>;
const valid = { type: "service" as const, name: "Action Terms", description: "D", content: "# T" };

beforeAll(async () => {
  owner = await makeAccount();
});

afterEach(() => resetRequest());

/** An email field showing the schema's message as react-hook-form hands it over. */
const field = (label: string) =>
  createElement(
    Field,
    { id: "email", label, error: v("emailInvalid") } as Parameters<typeof Field>[0],
    createElement("input", { id: "email" }),
  );

describe("validation and error messages in the reader's language", () => {
  it("a server action answers a zod refusal in the request's language (Accept-Language es), English by default", async () => {
    actAs(owner);
    expect(await createAgreementAction({ ...valid, name: "" })).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { name: "Enter a name." },
    });
    request.headers.set("accept-language", "es-ES,es;q=0.9");
    expect(await createAgreementAction({ ...valid, name: "", content: "x".repeat(200_001) })).toEqual({
      ok: false,
      error: "Corrija los campos marcados.",
      fieldErrors: { name: "Introduzca un nombre.", content: "El texto del acuerdo puede tener como máximo 200.000 caracteres." },
    });
    // The chosen language (cookie) wins over the browser's.
    request.cookies.set("scp-locale", "de");
    expect(await createAgreementAction({ ...valid, name: "" })).toMatchObject({ fieldErrors: { name: "Geben Sie einen Namen ein." } });
    actAs(null); // a fresh request: the language again
    request.headers.set("accept-language", "de");
    expect(await createAgreementAction(valid)).toMatchObject({ ok: false, error: "Bitte melden Sie sich an, um fortzufahren." });
  });

  it("a message that is no catalog message stays as it is (English), never a key", () => {
    expect(localizeMessage("Something only English knows.", "fr")).toBe("Something only English knows.");
    expect(new AppError("conflict", "A plain sentence.").inLocale("de").message).toBe("A plain sentence.");
    expect(new AppError("forbidden").inLocale("pt-BR").message).toBe("Você não tem permissão para fazer isso.");
    expect(new AppError("forbidden").message).toBe("You do not have permission to do that.");
    expect(localizeMessage(v("nameTooLong", { max: 100 }), "fr")).toBe("Le nom peut comporter au maximum 100 caractères.");
  });

  it("the forms' fields show a client-side check in the page's language", () => {
    request.headers.set("accept-language", "de");
    const html = renderToStaticMarkup(
      createElement("div", null, field("E-Mail"), createElement(FormError, { message: "Please correct the highlighted fields." })),
    );
    expect(html).toContain("Geben Sie eine gültige E-Mail-Adresse ein.");
    expect(html).toContain("Bitte korrigieren Sie die markierten Felder.");
    resetRequest();
    expect(renderToStaticMarkup(field("Email"))).toContain("Enter a valid email address.");
  });

  it("the REST API answers problems in the Accept-Language's language, English without one", async () => {
    const key = await keyFor(owner);
    await makeAgreement(owner);
    const bad = { agreementId: "", kind: "nope", noteToSignee: "", linkExpiresOn: "2020-01-01", program: false, delegate: false };
    const en = await api("POST", "/contracts", { key, body: bad });
    expect(en.status).toBe(422);
    expect(en.body).toMatchObject({ detail: "Please correct the highlighted fields.", errors: { kind: "Select Test or Production." } });
    const fr = await api("POST", "/contracts", { key, body: bad, headers: { "accept-language": "fr-FR,fr;q=0.9" } });
    expect(fr.status).toBe(422);
    expect(fr.body).toMatchObject({
      title: "Unprocessable Content",
      detail: "Veuillez corriger les champs signalés.",
      errors: { kind: "Sélectionnez Test ou Production.", noteToSignee: "Laissez une note au signataire." },
    });
    const unauth = await api("GET", "/contracts", { key: "nope", headers: { "accept-language": "fr" } });
    expect(unauth.body).toMatchObject({ detail: "Envoyez une clé d’API valide : Authorization: Bearer <key>." });
    const json = await api("POST", "/contracts", { key, body: "{", headers: { "accept-language": "fr" } });
    expect(json.body).toMatchObject({ status: 400, detail: "Le corps de la requête n’est pas un JSON valide." });
  });
});
