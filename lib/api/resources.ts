import { z } from "zod";
import { contentKinds, contractKinds, contractStatuses } from "@/db/schema";
import type { AgreementDetails } from "@/lib/agreements/get-agreement";
import type { AgreementListRow } from "@/lib/agreements/list-agreements";
import { agreementTypes } from "@/lib/agreements/schemas";
import type { CreatedContract } from "@/lib/contracts/create-contract";
import type { ContractDetails } from "@/lib/contracts/get-contract-details";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import type { ContractListRow } from "@/lib/contracts/list-contracts";
import type { PartnerDetails } from "@/lib/directory/get-partner";
import type { PartnerPage } from "@/lib/directory/list-partners";
import type { ApiEvent } from "./list-events";

// What /api/v1 answers, as zod schemas: the OpenAPI document is generated from them (lib/api/openapi.ts)
// and every mapper below returns exactly this shape, so the document and the answers cannot drift
// (tests/integration/api.test.ts validates each answer against the document).

const at = z.iso.datetime({ offset: true });
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export const permissionsSchema = z
  .object({
    agreement: z.object({
      program: z.object({ create: z.boolean() }),
      service: z.object({ create: z.boolean(), delegate: z.boolean() }),
    }),
  })
  .meta({ id: "Permissions", description: "What a contract grants, or an account holds." });

const namedRef = z.object({ publicId: z.string(), name: z.string() });
const cursors = {
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  prevCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the previous page; null on the first page." }),
};

export const agreementSummarySchema = z
  .object({
    publicId: z.string(),
    name: z.string(),
    type: z.enum(agreementTypes),
    activeVersion: z.number().int().nullable(),
    contracts: z.number().int(),
    updatedAt: at,
  })
  .meta({ id: "AgreementSummary" });
export const agreementListSchema = z.object({ data: z.array(agreementSummarySchema), ...cursors }).meta({ id: "AgreementList" });

export const agreementSchema = z
  .object({
    publicId: z.string(),
    name: z.string(),
    description: z.string(),
    type: z.enum(agreementTypes),
    createdAt: at,
    updatedAt: at,
    activeVersion: z.number().int().nullable(),
    contractsWithUpdates: z.number().int().meta({ description: "Active contracts not on the active version." }),
    versions: z.array(
      z.object({
        number: z.number().int(),
        active: z.boolean(),
        draft: z.boolean(),
        contentKind: z.enum(contentKinds),
        sha256: z.string(),
        authorName: z.string().nullable(),
        createdAt: at,
        contracts: z.number().int(),
      }),
    ),
    text: z
      .object({ number: z.number().int(), active: z.boolean(), contentKind: z.enum(contentKinds), content: z.string() })
      .nullable()
      .meta({ description: "The text of the active version (else the newest)." }),
  })
  .meta({ id: "Agreement" });

export const agreementCreatedSchema = z
  .object({ publicId: z.string(), name: z.string(), versionNumber: z.number().int(), active: z.boolean() })
  .meta({ id: "AgreementCreated" });
export const versionAddedSchema = z.object({ number: z.number().int(), active: z.boolean() }).meta({ id: "AgreementVersionAdded" });
export const versionActivatedSchema = z
  .object({ number: z.number().int(), previous: z.number().int().nullable(), contractsWithUpdates: z.number().int() })
  .meta({ id: "AgreementVersionActivated" });

export const contractSummarySchema = z
  .object({
    publicId: z.string(),
    agreement: namedRef,
    partner: z
      .object({ name: z.string(), invited: z.boolean() })
      .nullable()
      .meta({ description: "The owner once active; otherwise who was invited (invited: true)." }),
    kind: z.enum(contractKinds),
    status: z.enum(contractStatuses),
    createdAt: at,
    updatedAt: at,
  })
  .meta({ id: "ContractSummary" });
export const contractListSchema = z.object({ data: z.array(contractSummarySchema), ...cursors }).meta({ id: "ContractList" });

export const contractSchema = z
  .object({
    publicId: z.string(),
    status: z.enum(contractStatuses),
    kind: z.enum(contractKinds),
    createdAt: at,
    updatedAt: at,
    linkExpiresAt: at,
    linkExpired: z.boolean(),
    issuer: namedRef,
    owner: namedRef.nullable(),
    signee: z.string().meta({ description: "The signee as the screens word it." }),
    signeeName: z.string().nullable(),
    signeeEmail: z.string().nullable(),
    agreement: namedRef.extend({ versionNumber: z.number().int(), updateVersion: z.number().int().nullable() }),
    permissions: permissionsSchema,
    noteToSignee: z.string(),
    internalNote: z.string().nullable(),
    activationLink: z
      .string()
      .nullable()
      .meta({ description: "While pending and not expired, and only for a read and write key; otherwise null." }),
    rejectionReason: z.string().nullable(),
    rejectedAt: at.nullable(),
    terminationReason: z.string().nullable(),
    terminatedAt: at.nullable(),
    signedVersions: z.array(z.object({ number: z.number().int(), signeeName: z.string(), signedAt: at, sha256: z.string() })),
  })
  .meta({ id: "Contract" });

export const contractCreatedSchema = z
  .object({
    publicId: z.string(),
    agreement: namedRef.extend({ versionNumber: z.number().int() }),
    kind: z.enum(contractKinds),
    permissions: permissionsSchema,
    activationLink: z.string(),
  })
  .meta({ id: "ContractCreated" });
export const linkEmailedSchema = z.object({ to: z.string() }).meta({ id: "LinkEmailed" });
export const expiryExtendedSchema = z.object({ linkExpiresAt: at, previousExpiresAt: at }).meta({ id: "ExpiryExtended" });

export const linkRegeneratedSchema = z.object({ activationLink: z.string(), linkExpiresAt: at }).meta({ id: "LinkRegenerated" });

export const historySchema = z
  .object({
    data: z.array(
      z.discriminatedUnion("source", [
        z.object({
          source: z.literal("event"),
          at,
          type: z.string(),
          userName: z.string().nullable(),
          data: z.record(z.string(), z.unknown()),
        }),
        z.object({
          source: z.literal("mail"),
          at,
          kind: z.string(),
          to: z.string(),
          status: z.enum(["pending", "sending", "sent", "failed", "cancelled"]),
          lastError: z.string().nullable(),
        }),
      ]),
    ),
  })
  .meta({ id: "ContractHistory" });

export const partnerSummarySchema = z
  .object({
    kind: z.enum(["account", "invitation"]),
    publicId: z.string().meta({ description: "PA-… for an account; the pending contract's CRS-… for an invitation." }),
    name: z.string(),
    status: z.enum(["active", "terminated", "expired", "invited"]),
    contractCount: z.number().int(),
    contractIds: z.array(z.string()),
    signee: z.string(),
    signeeName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    linkExpired: z.boolean(),
    createdAt: at,
  })
  .meta({ id: "PartnerSummary" });
export const partnerListSchema = z
  .object({ data: z.array(partnerSummarySchema), page: z.number().int(), hasMore: z.boolean() })
  .meta({ id: "PartnerList" });

export const partnerSchema = z
  .object({
    publicId: z.string(),
    name: z.string(),
    createdAt: at,
    status: z.enum(["active", "terminated", "expired"]),
    contracts: z.array(
      z.object({
        publicId: z.string(),
        agreement: namedRef.extend({ versionNumber: z.number().int() }),
        kind: z.enum(contractKinds),
        status: z.enum(contractStatuses),
        permissions: permissionsSchema,
        signeeName: z.string().nullable(),
        signeeEmail: z.string().nullable(),
        createdAt: at,
        activatedAt: at.nullable(),
        terminatedAt: at.nullable(),
      }),
    ),
  })
  .meta({ id: "Partner" });

export const eventSchema = z
  .object({
    id: z.string().meta({ description: "Increasing; pass the last one seen as `after`." }),
    type: z.string(),
    occurredAt: at,
    contract: z.string().meta({ description: "The contract's public ID." }),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "Event" });
export const eventListSchema = z
  .object({
    data: z.array(eventSchema),
    nextCursor: z.string().meta({ description: "Pass as `after` to read what happened since (the same value when nothing new)." }),
  })
  .meta({ id: "EventList" });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum([
      "unauthenticated",
      "forbidden",
      "not_found",
      "invalid",
      "conflict",
      "stale",
      "rate_limited",
      "expired",
      "bad_request",
      "internal",
    ]),
    errors: z.record(z.string(), z.string()).optional().meta({ description: "Field messages, with the forms' words." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)." });

// Mappers: domain results to the documented shapes (dates as ISO 8601, internal IDs left out).

export const toAgreementSummary = (r: AgreementListRow) => ({ ...r, updatedAt: iso(r.updatedAt) });

export function toAgreement(a: AgreementDetails): z.output<typeof agreementSchema> {
  return {
    publicId: a.publicId,
    name: a.name,
    description: a.description,
    type: a.type,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    activeVersion: a.activeVersion,
    contractsWithUpdates: a.contractsWithUpdates,
    versions: a.versions.map((v) => ({
      number: v.number,
      active: v.active,
      draft: v.draft,
      contentKind: v.contentKind,
      sha256: v.sha256,
      authorName: v.authorName,
      createdAt: iso(v.createdAt),
      contracts: Number(v.contracts),
    })),
    text: a.shown,
  };
}

export function toContractSummary(r: ContractListRow): z.output<typeof contractSummarySchema> {
  return {
    publicId: r.publicId,
    agreement: { publicId: r.agreementPublicId, name: r.agreementName },
    partner: r.partner,
    kind: r.kind,
    status: r.status,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export function toContract(c: ContractDetails, showLink: boolean): z.output<typeof contractSchema> {
  return {
    publicId: c.publicId,
    status: c.status,
    kind: c.kind,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    linkExpiresAt: iso(c.linkExpiresAt),
    linkExpired: c.linkExpired,
    issuer: c.issuer,
    owner: c.owner,
    signee: c.signee,
    signeeName: c.signeeName,
    signeeEmail: c.signeeEmail,
    agreement: {
      publicId: c.agreement.publicId,
      name: c.agreement.name,
      versionNumber: c.agreement.versionNumber,
      updateVersion: c.agreement.updateVersion,
    },
    permissions: c.permissions,
    noteToSignee: c.noteToSignee,
    internalNote: c.internalNote,
    activationLink: showLink ? c.activationLink : null,
    rejectionReason: c.rejectionReason,
    rejectedAt: isoOrNull(c.rejectedAt),
    terminationReason: c.terminationReason,
    terminatedAt: isoOrNull(c.terminatedAt),
    signedVersions: c.signedVersions.map((s) => ({ ...s, signedAt: iso(s.signedAt) })),
  };
}

export function toContractCreated(c: CreatedContract): z.output<typeof contractCreatedSchema> {
  return {
    publicId: c.publicId,
    agreement: { publicId: c.agreementPublicId, name: c.agreementName, versionNumber: c.versionNumber },
    kind: c.kind,
    permissions: c.permissions,
    activationLink: c.activationLink,
  };
}

export function toHistory(entries: HistoryEntry[]): z.output<typeof historySchema> {
  return {
    data: entries.map((e) =>
      e.source === "event"
        ? { source: e.source, at: iso(e.at), type: e.type, userName: e.userName, data: e.data }
        : { source: e.source, at: iso(e.at), kind: e.kind, to: e.to, status: e.status, lastError: e.lastError },
    ),
  };
}

export function toPartnerList(p: PartnerPage): z.output<typeof partnerListSchema> {
  return {
    data: p.rows.map((r) => ({
      kind: r.kind,
      publicId: r.publicId,
      name: r.name,
      status: r.status,
      contractCount: r.contractCount,
      contractIds: r.contractIds,
      signee: r.signee,
      signeeName: r.signeeName,
      contactEmail: r.contactEmail,
      linkExpired: r.linkExpired,
      createdAt: iso(r.createdAt),
    })),
    page: p.page,
    hasMore: p.hasMore,
  };
}

export function toPartner(p: PartnerDetails): z.output<typeof partnerSchema> {
  return {
    publicId: p.publicId,
    name: p.name,
    createdAt: iso(p.createdAt),
    status: p.status,
    contracts: p.contracts.map((c) => ({
      publicId: c.publicId,
      agreement: { publicId: c.agreementPublicId, name: c.agreementName, versionNumber: c.versionNumber },
      kind: c.kind,
      status: c.status,
      permissions: c.permissions,
      signeeName: c.signeeName,
      signeeEmail: c.signeeEmail,
      createdAt: iso(c.createdAt),
      activatedAt: isoOrNull(c.activatedAt),
      terminatedAt: isoOrNull(c.terminatedAt),
    })),
  };
}

export const toEvent = (e: ApiEvent): z.output<typeof eventSchema> => ({ ...e, occurredAt: iso(e.occurredAt) });
