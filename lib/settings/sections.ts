import { canManageAccount } from "@/lib/accounts/roles";
import type { Viewer } from "@/lib/accounts/viewer";
import { translatorFor } from "@/lib/i18n/server";

export type SettingsSection = { href: string; label: string };

type Entry = SettingsSection & { visible: (v: Pick<Viewer, "memberRole" | "role" | "permissions">) => boolean };

/**
 * The account settings area's sections, in the order of its sub-navigation. Each feature adds its own line;
 * the page of a section checks its own access again (this list only decides what the navigation shows).
 */
const entries: Entry[] = [
  { href: "/settings", label: "account", visible: () => true },
  { href: "/settings/profile", label: "profile", visible: () => true },
  { href: "/settings/users", label: "users", visible: (v) => managersOnly(v) },
  { href: "/settings/security-events", label: "securityEvents", visible: (v) => managersOnly(v) },
  { href: "/settings/branding", label: "branding", visible: (v) => managersOnly(v) },
  { href: "/settings/reminders", label: "reminders", visible: (v) => managersOnly(v) && v.permissions.agreement.service.create },
  { href: "/settings/api-keys", label: "apiKeys", visible: (v) => managersOnly(v) },
  { href: "/settings/webhooks", label: "webhooks", visible: (v) => managersOnly(v) },
];

/** `t` is the "Settings" translator of the reader's language (English by default). */
export function settingsSections(
  viewer: Pick<Viewer, "memberRole" | "role" | "permissions">,
  t: (key: string) => string = translatorFor("en", "Settings"),
): SettingsSection[] {
  return entries.filter((e) => e.visible(viewer)).map(({ href, label }) => ({ href, label: t(`sections.${label}`) }));
}

/** For sections only Owners and Admins see. */
export const managersOnly = (v: Pick<Viewer, "memberRole">): boolean => canManageAccount(v);
