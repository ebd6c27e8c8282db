import { canUsePartners, type Viewer } from "@/lib/accounts/viewer";
import { translatorFor } from "@/lib/i18n/server";
import { partnersTabs } from "@/lib/reseller/partners-access";
import type { NavSection } from "./types";

const partnerLinks = {
  agreements: { href: "/partners/agreements", label: "agreements", icon: "agreements" },
  contracts: { href: "/partners/contracts", label: "contracts", icon: "contracts" },
  directory: { href: "/partners/directory", label: "directory", icon: "directory" },
} as const;

type T = (key: string) => string;

/**
 * The sidebar's links: only pages that exist and that this account may open (a reseller with
 * program.create sees Agreements alone). Every member sees Settings (its sections depend on the role).
 * `t` is the "Shell" translator of the reader's language (English by default).
 */
export function navSections(viewer: Pick<Viewer, "role" | "permissions">, t: T = translatorFor("en", "Shell")): NavSection[] {
  const sections: NavSection[] = [];
  if (viewer.role === "reseller")
    sections.push({ label: t("resellerPortal"), links: [{ href: "/reseller", label: t("yourContracts"), icon: "home" }] });
  if (canUsePartners(viewer))
    sections.push({
      label: t("partners"),
      links: partnersTabs(viewer).map((tab) => ({ ...partnerLinks[tab], label: t(partnerLinks[tab].label) })),
    });
  sections.push({ label: t("account"), links: [{ href: "/settings", label: t("settings"), icon: "settings" }] });
  return sections;
}
