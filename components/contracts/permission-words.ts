import { describePermissions, type Permissions } from "@/lib/permissions";

// The "Permissions" catalog keys (messages/<locale>/partners.json) of the permission lines that
// lib/permissions.ts describePermissions writes in English.
type PermissionKey = "program" | "service" | "delegate";

const ENGLISH: Record<string, PermissionKey> = {
  "Can create and manage program agreements": "program",
  "Can create service agreements and service contracts, inviting its own resellers": "service",
  "Can delegate service contract creation to the resellers it invites": "delegate",
};

/** The catalog key of one of describePermissions' lines (the wizard's Summary carries them as words). */
export function permissionLineKey(line: string): string {
  return `line.${ENGLISH[line] ?? "service"}`;
}

/** The catalog keys of a permission set's lines, in describePermissions' order. */
export function permissionLineKeys(p: Permissions): string[] {
  return describePermissions(p).map(permissionLineKey);
}
