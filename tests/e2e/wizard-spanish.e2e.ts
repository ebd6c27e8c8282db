import { describe, expect, it } from "vitest";
import { signIn, snap, setupBrowser } from "./browser";

const app = setupBrowser();
const AGREEMENT = "Northwind Reseller Service Agreement";

/** The manual's English words of each step: none may show once the browser asks for Spanish. */
const ENGLISH = ["Next", "Back", "Cancel", "Create Contract steps", "Note to signee", "Link expiration date", "Signee language"];

// Issue 24: a distributor whose browser is Spanish runs the whole Create Contract wizard in Spanish.
describe("Create Contract in Spanish", () => {
  it("runs the wizard in Spanish, picks the signee's language and shows the details in Spanish", async () => {
    // Signed in with an English browser (the sign-in page is not this journey), then the browser asks for Spanish.
    const { page, context } = await app.newPage({ extraHTTPHeaders: { "accept-language": "en" } });
    await signIn(page);
    await context.setExtraHTTPHeaders({ "accept-language": "es-ES,es;q=0.9,en;q=0.5" });

    await page.goto("/partners/contracts");
    await page.getByRole("heading", { name: "Contratos", level: 1 }).waitFor();
    await snap(page, "contracts-list-es");
    await page.getByRole("link", { name: "Crear contrato" }).first().click();
    await page.waitForURL(/\/partners\/contracts\/new$/);
    expect(await page.title()).toContain("Crear contrato");

    const wizard = page.getByTestId("contract-wizard");
    const englishIn = async () => {
      const text = await wizard.innerText();
      return ENGLISH.filter((w) => new RegExp(`\\b${w}\\b`).test(text));
    };

    // Type
    const steps = page.getByRole("navigation", { name: "Pasos de Crear contrato" });
    expect((await steps.innerText()).replace(/\s+/g, " ")).toMatch(/Tipo.*Acuerdo.*Parámetros.*Resumen/);
    await page.getByText("Seleccione el tipo de contrato").waitFor();
    expect(await page.getByLabel("Servicio").isChecked()).toBe(true);
    expect(await englishIn()).toEqual([]);
    await page.getByRole("button", { name: "Siguiente" }).click();

    // Agreement
    await page.getByText("Elija un acuerdo de servicio").waitFor();
    await page.getByLabel("Buscar acuerdos").fill("reseller service");
    await page.getByText(AGREEMENT).waitFor();
    await page.getByLabel(new RegExp(AGREEMENT)).check();
    await page.getByText(/Versión \d+, la que firmará su socio/).waitFor();
    expect(await englishIn()).toEqual([]);
    await page.getByRole("button", { name: "Siguiente" }).click();

    // Parameters: the signee's language is preselected with the distributor's own (Spanish).
    await page.getByText("Defina los parámetros del contrato").waitFor();
    const language = page.getByLabel("Idioma del firmante");
    expect(await language.inputValue()).toBe("es");
    expect(await page.getByLabel("Producción").isChecked()).toBe(true);
    await page.getByLabel("Nota para el firmante").fill("Bienvenue ! Activez le contrat avant vendredi.");
    await page.getByText("46/200 caracteres").waitFor();
    await language.selectOption("fr");
    expect(await englishIn()).toEqual([]);
    await snap(page, "contracts-wizard-parameters-es");
    await page.getByRole("button", { name: "Crear", exact: true }).click();

    // Summary
    await page.getByText("Contrato de servicio creado").waitFor();
    const contractId = (await page.getByTestId("summary-contract-id").innerText()).trim();
    expect(contractId).toMatch(/^CRS-\d{5}-\d{5}-\d{5}$/);
    expect((await page.getByTestId("summary-signee-locale").innerText()).trim()).toBe("Français");
    await page.getByRole("button", { name: "Copiar" }).waitFor();
    expect(await page.getByLabel("Enlace de activación").inputValue()).toMatch(/\/activate\//);
    expect(await englishIn()).toEqual([]);
    expect(await wizard.innerText()).not.toMatch(/Go to Details|Service contract created|Activation link/);
    await snap(page, "contracts-wizard-summary-es");
    await page.getByRole("link", { name: "Ir a los detalles" }).click();
    await page.waitForURL(new RegExp(`/partners/contracts/${contractId}$`));

    // The details page, in Spanish, with the signee's language on the General tab.
    await page.getByRole("heading", { name: `Contrato de servicio ${contractId}`, level: 1 }).waitFor();
    const main = page.locator("main");
    for (const tab of ["General", "Permisos", "Versiones", "Historial"]) await main.getByRole("link", { name: tab, exact: true }).waitFor();
    expect((await page.getByTestId("signee-locale").innerText()).trim()).toBe("Français");
    await main.getByRole("button", { name: "Enviar enlace por correo" }).waitFor();
    await main.getByText("Bienvenue ! Activez le contrat avant vendredi.").waitFor();
    const details = await main.innerText();
    expect(details).toContain("Nota para el firmante");
    expect(details).toContain("Pendiente");
    expect(details).not.toMatch(/\b(Email link|Regenerate link|Note to signee|Activation link|Signee language|Internal note)\b/);
    await snap(page, "contract-details-es");
    await context.close();
  });
});
