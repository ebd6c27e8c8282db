import { canManageAccount } from "@/lib/accounts/roles";
import type { Viewer } from "@/lib/accounts/viewer";

export type SettingsSection = { href: string; label: string };

type Entry = SettingsSection & { visible: (v: Pick<Viewer, "memberRole" | "role" | "permissions">) => boolean };

/**
 * The account settings area's sections, in the order of its sub-navigation. Each feature adds its own line;
 * the page of a section checks its own access again (this list only decides what the navigation shows).
 */
const entries: Entry[] = [
  { href: "/settings", label: "Account", visible: () => true },
  { href: "/settings/profile", label: "Your profile", visible: () => true },
  { href: "/settings/users", label: "Users", visible: (v) => managersOnly(v) },
  { href: "/settings/security-events", label: "Security events", visible: (v) => managersOnly(v) },
  { href: "/settings/branding", label: "Branding", visible: (v) => managersOnly(v) },
  { href: "/settings/reminders", label: "Reminders", visible: (v) => managersOnly(v) && v.permissions.agreement.service.create },
  { href: "/settings/api-keys", label: "API keys", visible: (v) => managersOnly(v) },
  { href: "/settings/webhooks", label: "Webhooks", visible: (v) => managersOnly(v) },
];

export function settingsSections(viewer: Pick<Viewer, "memberRole" | "role" | "permissions">): SettingsSection[] {
  return entries.filter((e) => e.visible(viewer)).map(({ href, label }) => ({ href, label }));
}

/** For sections only Owners and Admins see. */
export const managersOnly = (v: Pick<Viewer, "memberRole">): boolean => canManageAccount(v);
