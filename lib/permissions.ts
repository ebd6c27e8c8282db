import type { Permissions } from "@/db/schema/permissions";

/** The permission shape lives with the tables that store it (db/ imports nothing from lib/). */
export type { Permissions };

export const NO_PERMISSIONS: Permissions = {
  agreement: { program: { create: false }, service: { create: false, delegate: false } },
};

export const ALL_PERMISSIONS: Permissions = {
  agreement: { program: { create: true }, service: { create: true, delegate: true } },
};

export function mergePermissions(...sets: Permissions[]): Permissions {
  return {
    agreement: {
      program: { create: sets.some((p) => p.agreement.program.create) },
      service: {
        create: sets.some((p) => p.agreement.service.create),
        delegate: sets.some((p) => p.agreement.service.delegate),
      },
    },
  };
}

/** The wizard's two boxes: Program grants program.create, Delegate grants service.create. */
export function contractPermissions(choice: { program: boolean; delegate: boolean }): Permissions {
  return {
    agreement: {
      program: { create: choice.program },
      service: { create: choice.delegate, delegate: false },
    },
  };
}

/** The wizard's boxes by the permission each grants, to name what an issuer may not pass on. */
export type GrantBox = "program" | "delegate";

/**
 * What a contract granting `granted` would pass on beyond what `issuer` holds (docs/security-requirements.md 34): a grant
 * is a subset of the issuer's effective permissions, and `service.create` (the Delegate box) is passed
 * on only by holders of `service.delegate`. Empty means the issuer may grant it all.
 */
export function ungrantable(granted: Permissions, issuer: Permissions): GrantBox[] {
  const { program, service } = granted.agreement;
  const held = issuer.agreement;
  const refused: GrantBox[] = [];
  if (program.create && !held.program.create) refused.push("program");
  if ((service.create && !(held.service.create && held.service.delegate)) || (service.delegate && !held.service.delegate))
    refused.push("delegate");
  return refused;
}

/** Whether `issuer` may still invite with a contract granting `granted`: it must hold service.create itself. */
export function mayIssue(issuer: Permissions, granted: Permissions): boolean {
  return issuer.agreement.service.create && ungrantable(granted, issuer).length === 0;
}

/** Plain words for each permission a contract delegates, as shown on the Permissions tab. */
export function describePermissions(p: Permissions): string[] {
  const lines: string[] = [];
  if (p.agreement.program.create) lines.push("Can create and manage program agreements");
  if (p.agreement.service.create) lines.push("Can create service agreements and service contracts, inviting its own resellers");
  if (p.agreement.service.delegate) lines.push("Can delegate service contract creation to the resellers it invites");
  return lines;
}
