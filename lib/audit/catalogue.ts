import type { ContractKind } from "@/db/schema";
import type { AgreementType } from "@/lib/agreements/schemas";

// Each value only carries its data's type to the compiler (it is undefined at run time); the keys are
// also the run-time list of known types, so the two cannot disagree.
const data = <T>() => undefined as unknown as T;
type Empty = Record<string, never>;
/** A contract's grants as the wizard's boxes name them (issue 21's permission changes). */
type Grants = { program: boolean; delegate: boolean };

/**
 * Every audit event the app writes, with the data it carries. recordEvent only accepts these, and
 * History words them from the same types, so a new event or a renamed field cannot reach one side only.
 * Events are kept forever: change a shape only by adding optional fields, and keep old types listed.
 */
const catalogue = {
  "contract.created": data<{ agreement: string; version: number; kind: ContractKind; endsAt?: string }>(),
  "contract.link_emailed": data<{ to: string }>(),
  "contract.link_regenerated": data<{ expiresAt: string }>(),
  "contract.note_edited": data<Empty>(),
  "contract.link_expiry_extended": data<{ from: string; to: string }>(),
  /** The first time the activation page was seen (later opens are counted on the contract, not as events). */
  "contract.opened": data<{ ip: string | null; userAgent: string | null }>(),
  "contract.activated": data<{ version: number; sha256: string }>(),
  "contract.rejected": data<{ reason: string }>(),
  "contract.version_signed": data<{ agreement: string; version: number; previousVersion: number | null; sha256: string }>(),
  "contract.terminated": data<{ reason: string }>(),
  "contract.deleted": data<Empty>(),
  // Issue 21: contract terms over time.
  "contract.expired": data<{ endsAt: string }>(),
  "contract.extended": data<{ from: string | null; to: string }>(),
  "contract.permissions_narrowed": data<{ before: Grants; after: Grants }>(),
  "contract.permissions_proposed": data<{ before: Grants; after: Grants; expiresAt: string }>(),
  "contract.permissions_accepted": data<{ before: Grants; after: Grants }>(),
  "contract.proposal_withdrawn": data<{ kind: "permissions" | "promotion" }>(),
  "contract.proposal_expired": data<{ kind: "permissions" | "promotion" }>(),
  "contract.promotion_proposed": data<{ agreement: string; version: number; expiresAt: string }>(),
  /** On the Test contract: it ended because its Production successor was accepted. */
  "contract.promoted": data<{ to: string }>(),
  /** On the Production contract made by accepting a promotion. */
  "contract.promoted_from": data<{ from: string; version: number; sha256: string }>(),
  "agreement.created": data<{ type: AgreementType; name: string; version: number; active: boolean }>(),
  "agreement.version_added": data<{ version: number }>(),
  "agreement.version_activated": data<{ version: number; previous: number | null; contractsWithUpdates: number }>(),
  "agreement.version_deleted": data<{ version: number }>(),
  "user.signed_out_everywhere": data<Empty>(),
};

export type AuditCatalogue = typeof catalogue;
export type AuditEventType = keyof AuditCatalogue;

/** One event: its type and, for that type, its data (a discriminated union over the catalogue). */
export type AuditEvent = { [K in AuditEventType]: { type: K; data: AuditCatalogue[K] } }[AuditEventType];

export type ContractEvent = Extract<AuditEvent, { type: `contract.${string}` }>;

/** The kind of object an event is about: the part of its type before the dot. */
export type SubjectOf<K extends AuditEventType> = K extends `${infer S}.${string}` ? S : never;

/** An event as History reads it back from the database: any type (older builds wrote others), any data. */
export type AuditEntry = { at: Date; userName: string | null; type: string; data: Record<string, unknown> };

/** A stored event as its catalogue type, or null for a type this build does not write. */
export function readAuditEvent(e: Pick<AuditEntry, "type" | "data">): AuditEvent | null {
  return Object.hasOwn(catalogue, e.type) ? ({ type: e.type, data: e.data } as AuditEvent) : null;
}

export function isContractEvent(e: AuditEvent | null): e is ContractEvent {
  return e !== null && e.type.startsWith("contract.");
}
