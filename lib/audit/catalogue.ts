import type { ContractKind } from "@/db/schema";
import type { AgreementType } from "@/lib/agreements/schemas";

/**
 * Every audit event the app writes, with the data it carries. recordEvent only accepts these, and
 * History words them from the same types, so a new event or a renamed field cannot reach one side only.
 * Events are kept forever: change a shape only by adding optional fields, and keep old types listed.
 */
export type AuditCatalogue = {
  "contract.created": { agreement: string; version: number; kind: ContractKind };
  "contract.link_emailed": { to: string };
  "contract.link_regenerated": { expiresAt: string };
  "contract.note_edited": Empty;
  "contract.activated": { version: number; sha256: string };
  "contract.rejected": { reason: string };
  "contract.version_signed": { agreement: string; version: number; previousVersion: number | null; sha256: string };
  "contract.terminated": { reason: string };
  "contract.deleted": Empty;
  "agreement.created": { type: AgreementType; name: string; version: number; active: boolean };
  "agreement.version_added": { version: number };
  "agreement.version_activated": { version: number; previous: number | null; contractsWithUpdates: number };
  "agreement.version_deleted": { version: number };
  "user.signed_out_everywhere": Empty;
};

type Empty = Record<string, never>;

export type AuditEventType = keyof AuditCatalogue;

/** One event: its type and, for that type, its data (a discriminated union over the catalogue). */
export type AuditEvent = { [K in AuditEventType]: { type: K; data: AuditCatalogue[K] } }[AuditEventType];

export type ContractEvent = Extract<AuditEvent, { type: `contract.${string}` }>;

/** The kind of object an event is about: the part of its type before the dot. */
export type SubjectOf<K extends AuditEventType> = K extends `${infer S}.${string}` ? S : never;

// A Record, so the compiler fails here when the catalogue gains a type this list lacks.
const known: Record<AuditEventType, true> = {
  "contract.created": true,
  "contract.link_emailed": true,
  "contract.link_regenerated": true,
  "contract.note_edited": true,
  "contract.activated": true,
  "contract.rejected": true,
  "contract.version_signed": true,
  "contract.terminated": true,
  "contract.deleted": true,
  "agreement.created": true,
  "agreement.version_added": true,
  "agreement.version_activated": true,
  "agreement.version_deleted": true,
  "user.signed_out_everywhere": true,
};

/** An event as History reads it back from the database: any type (older builds wrote others), any data. */
export type AuditEntry = { at: Date; userName: string | null; type: string; data: Record<string, unknown> };

/** A stored event as its catalogue type, or null for a type this build does not write. */
export function readAuditEvent(e: Pick<AuditEntry, "type" | "data">): AuditEvent | null {
  return Object.hasOwn(known, e.type) ? ({ type: e.type, data: e.data } as AuditEvent) : null;
}

export function isContractEvent(e: AuditEvent | null): e is ContractEvent {
  return e !== null && e.type.startsWith("contract.");
}
