import { errorKey } from "@/lib/message-keys";
import "server-only";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agreements, agreementVersions } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import { containing, startingWith } from "@/lib/data/like";
import { AppError } from "@/lib/errors";
import { withoutNul } from "@/lib/no-nul";

export type WizardAgreement = { publicId: string; name: string; versionNumber: number };

export const WIZARD_AGREEMENT_LIMIT = 50;

/**
 * The caller's own service agreements that have an active version (the only ones a contract can be
 * created on), optionally narrowed by a name or ID search.
 */
export async function listWizardAgreements(db: DbOrTx, viewer: Viewer, input: { q?: string } = {}): Promise<WizardAgreement[]> {
  if (!viewer.permissions.agreement.service.create) throw new AppError("forbidden", errorKey("serviceContractsCreateForbidden"));
  const q = withoutNul(input.q ?? "")
    .trim()
    .slice(0, 100);
  return db
    .select({ publicId: agreements.publicId, name: agreements.name, versionNumber: agreementVersions.number })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.active, true)))
    .where(
      and(
        eq(agreements.ownerAccountId, viewer.accountId),
        eq(agreements.type, "service"),
        q ? or(ilike(agreements.name, containing(q)), ilike(agreements.publicId, startingWith(q))) : undefined,
      ),
    )
    .orderBy(asc(agreements.name), asc(agreements.publicId))
    .limit(WIZARD_AGREEMENT_LIMIT);
}
