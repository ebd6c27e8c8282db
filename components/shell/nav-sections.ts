import { canUsePartners, type Viewer } from "@/lib/accounts/viewer";
import { partnersTabs } from "@/lib/reseller/partners-access";
import type { NavSection } from "./types";

const partnerLinks = {
  agreements: { href: "/partners/agreements", label: "Agreements", icon: "agreements" },
  contracts: { href: "/partners/contracts", label: "Contracts", icon: "contracts" },
  directory: { href: "/partners/directory", label: "Directory", icon: "directory" },
} as const;

/**
 * The sidebar's links: only pages that exist and that this account may open (a reseller with
 * program.create sees Agreements alone). Every member sees Settings (its sections depend on the role).
 */
export function navSections(viewer: Pick<Viewer, "role" | "permissions">): NavSection[] {
  const sections: NavSection[] = [];
  if (viewer.role === "reseller")
    sections.push({ label: "Reseller Portal", links: [{ href: "/reseller", label: "Your contracts", icon: "home" }] });
  if (canUsePartners(viewer)) sections.push({ label: "Partners", links: partnersTabs(viewer).map((t) => ({ ...partnerLinks[t] })) });
  sections.push({ label: "Account", links: [{ href: "/settings", label: "Settings", icon: "settings" }] });
  return sections;
}
