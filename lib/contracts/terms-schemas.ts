import { z } from "zod";
import { hasNoNul } from "@/lib/no-nul";
import { endDateSchema } from "./schemas";
import { v } from "@/lib/message-keys";

// Issue 21's forms (details screen and Reseller Portal), shared by the browser and the domain functions.
const notFound = v("notFound");
const publicId = z.string({ error: notFound }).trim().min(1, notFound).max(40, notFound).refine(hasNoNul, notFound);

/** Extend: the new end date must also be later than the current one (checked by the domain function). */
export const extendSchema = z.object({ publicId, endsOn: endDateSchema });

/** The Permissions section's boxes: fewer applies at once, more is proposed to the partner. */
export const changePermissionsSchema = z.object({
  publicId,
  program: z.boolean({ error: v("permissionsRequired") }),
  delegate: z.boolean({ error: v("permissionsRequired") }),
});

export const proposalKindSchema = z.enum(["permissions", "promotion"], { error: notFound });

export const withdrawProposalSchema = z.object({ publicId, kind: proposalKindSchema });

export const promoteSchema = z.object({ publicId });

/** The Reseller Portal's Accept form (works without JavaScript): the proposal and the acceptance box. */
export const acceptProposalSchema = z.object({
  contractPublicId: publicId,
  proposalId: z.uuid({ error: notFound }),
});
export const acceptProposalFormSchema = acceptProposalSchema.extend({
  accepted: z.literal("on", { error: v("acceptBox") }),
});

/** How long a proposal waits for the partner's answer. */
export const PROPOSAL_DAYS = 30;
