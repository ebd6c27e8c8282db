import type { Permissions } from "@/lib/permissions";
import { contractPermissions } from "@/lib/permissions";

/** A contract's grants as the wizard's two boxes (Program, Delegate). */
export type Grants = { program: boolean; delegate: boolean };

export function grantsOf(p: Permissions): Grants {
  return { program: p.agreement.program.create, delegate: p.agreement.service.create };
}

export function permissionsOf(g: Grants): Permissions {
  return contractPermissions(g);
}

export function sameGrants(a: Grants, b: Grants): boolean {
  return a.program === b.program && a.delegate === b.delegate;
}

/** Every box of `next` is already in `current`: a narrowing (or no change), which needs no consent. */
export function withinGrants(next: Grants, current: Grants): boolean {
  return (!next.program || current.program) && (!next.delegate || current.delegate);
}
