import type { Viewer } from "@/lib/accounts/viewer";

export type PartnersTab = "agreements" | "contracts" | "directory";

/**
 * Which Partners tabs the account may use: Contracts and Directory invite resellers (service.create);
 * Agreements also serves program agreements (program.create). One rule for the tabs shown and for
 * the pages that refuse a direct request.
 */
export function partnersTabs(viewer: Pick<Viewer, "permissions">): PartnersTab[] {
  const p = viewer.permissions.agreement;
  const tabs: PartnersTab[] = [];
  if (p.program.create || p.service.create) tabs.push("agreements");
  if (p.service.create) tabs.push("contracts", "directory");
  return tabs;
}

/** A Partners path ("/partners/contracts/new") is open when its tab is; "/partners" itself when any is. */
export function mayOpenPartnersPath(viewer: Pick<Viewer, "permissions">, path: string): boolean {
  const tabs = partnersTabs(viewer);
  const tab = path.split(/[/?#]/)[2];
  if (!tab) return tabs.length > 0;
  return (tabs as string[]).includes(tab) || !["agreements", "contracts", "directory"].includes(tab);
}

/** Where the Partners module opens for this account: Contracts when it may, else Agreements. */
export function partnersHome(viewer: Pick<Viewer, "permissions">): string {
  return `/partners/${partnersTabs(viewer).includes("contracts") ? "contracts" : "agreements"}`;
}
