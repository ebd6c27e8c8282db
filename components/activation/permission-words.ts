import type { Permissions } from "@/lib/permissions";

/** The permissions a contract grants, as keys of "Activation.permission" (lib/permissions.ts describePermissions' order). */
export function permissionKeys(p: Permissions): ("program" | "serviceCreate" | "serviceDelegate")[] {
  const keys: ("program" | "serviceCreate" | "serviceDelegate")[] = [];
  if (p.agreement.program.create) keys.push("program");
  if (p.agreement.service.create) keys.push("serviceCreate");
  if (p.agreement.service.delegate) keys.push("serviceDelegate");
  return keys;
}
