import type { z } from "zod";
import type { Action } from "@/lib/action-result";
import type { ContractSummary } from "@/lib/contracts/contract-summary";
import type { WizardAgreement } from "@/lib/contracts/list-wizard-agreements";
import type { contractParametersSchema } from "@/lib/contracts/schemas";
import type { VersionText } from "@/lib/data/read-shapes";

export type WizardInput = z.input<typeof contractParametersSchema>;
export type WizardOutput = z.output<typeof contractParametersSchema>;

/** The wizard's server actions, passed in by the page. */
export type WizardActions = {
  create: Action<WizardOutput & { creationKey: string }, ContractSummary>;
  searchAgreements: Action<string, WizardAgreement[]>;
  previewAgreement: Action<{ agreementId: string }, VersionText>;
};

const KEY = "scp:create-contract-key";

/**
 * The wizard's idempotency key lives in sessionStorage, so a reload mid-Create resubmits with the
 * same key and gets the same contract back instead of a second one. Other forms (Create Partner) pass
 * their own storage key so an abandoned wizard never lends its key to them.
 */
export function openCreationKey(storageKey = KEY): string {
  const stored = sessionStorage.getItem(storageKey);
  if (stored) return stored;
  const key = randomUuid();
  sessionStorage.setItem(storageKey, key);
  return key;
}

export function closeCreationKey(storageKey = KEY): void {
  sessionStorage.removeItem(storageKey);
}

// crypto.randomUUID exists only in secure contexts (https, localhost).
function randomUuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
