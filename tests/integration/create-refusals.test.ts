import { describe, expect, it } from "vitest";
import BulkInvitePage from "@/app/(portal)/partners/contracts/bulk/page";
import NewContractPage from "@/app/(portal)/partners/contracts/new/page";
import NewPartnerPage from "@/app/(portal)/partners/directory/new/page";
import { ALL_PERMISSIONS } from "@/lib/permissions";
import { actAs, makeAccount, makeMember } from "@/tests/support/factories";
import { RedirectSignal } from "@/tests/support/next";
import { renderPage } from "@/tests/support/render";

// The three create pages (Create Contract, Invite in bulk, Create Partner) refuse the same two ways, in place
// of their form (components/people/read-only.tsx createRefusal): a Read-only member is told so. An account
// that may not create service contracts never reaches them (lib/reseller/partners-access.ts sends it home);
// their actions refuse both as well.

const pages = [
  { name: "Create Contract", render: () => NewContractPage(), form: "Select the contract type" },
  { name: "Invite in bulk", render: () => BulkInvitePage(), form: "CSV file" },
  { name: "Create Partner", render: () => NewPartnerPage(), form: "Contact email" },
] as const;

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("who may not create contracts sees why, on every create page", () => {
  it("a Read-only member is told their role, with a way back, and no form", async () => {
    const owner = await makeAccount();
    const readonly = await makeMember(owner, "readonly");
    for (const page of pages) {
      actAs(readonly);
      const html = text(await renderPage(await page.render()));
      expect(html, page.name).toContain(`${page.name} is not available`);
      expect(html, page.name).toContain("Your role is Read-only");
      expect(html, page.name).not.toContain(page.form);
    }
  });

  it("an account without the service-contract permission is sent to its Partners home; an Owner of one with it gets the form", async () => {
    const programOnly = await makeAccount({
      permissions: { ...ALL_PERMISSIONS, agreement: { ...ALL_PERMISSIONS.agreement, service: { create: false, delegate: false } } },
    });
    const full = await makeAccount();
    for (const page of pages) {
      actAs(programOnly);
      await expect(page.render(), page.name).rejects.toBeInstanceOf(RedirectSignal);
      actAs(full);
      expect(text(await renderPage(await page.render())), page.name).toContain(page.form);
    }
  });
});
