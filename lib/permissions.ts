import type { Permissions } from "@/db/schema/permissions";

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

/** Plain words for each permission a contract delegates, as shown on the Permissions tab. */
export function describePermissions(p: Permissions): string[] {
  const lines: string[] = [];
  if (p.agreement.program.create) lines.push("Can create and manage program agreements");
  if (p.agreement.service.create) lines.push("Can create service agreements and service contracts, inviting its own resellers");
  if (p.agreement.service.delegate) lines.push("Can delegate service contract creation to the resellers it invites");
  return lines;
}
