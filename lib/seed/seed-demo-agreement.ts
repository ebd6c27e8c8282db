import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agreements, agreementVersions } from "@/db/schema";
import { newId, withFreshPublicId } from "@/lib/ids";
import { sha256Hex } from "@/lib/security/tokens";

export const DEMO_AGREEMENT_NAME = "Northwind Reseller Service Agreement";

const DESCRIPTION = `The standard terms under which **Northwind Distribution Inc.** appoints resellers to resell the
cloud services listed in its catalog. Every reseller signs the active version before it can work in the
Reseller Portal.`;

function terms(v: 1 | 2): string {
  const payment = v === 1 ? "thirty (30) days" : "forty-five (45) days";
  const notice = v === 1 ? "sixty (60) days" : "ninety (90) days";
  return `# Northwind Reseller Service Agreement

Version ${v}. This agreement is made between **Northwind Distribution Inc.** ("Northwind") and the company
that accepts it ("Reseller").

## 1. Scope

1. Northwind appoints the Reseller, on a non-exclusive basis, to resell the cloud services listed in the
   Northwind catalog ("Services") to its own customers.
2. The Reseller orders, provisions and manages Services for its customers through the Northwind portal.
3. Nothing in this agreement creates a partnership, franchise or employment relationship.

## 2. Reseller obligations

- Present the Services accurately and never make promises beyond the vendor's published terms.
- Keep customer contact details current and pass on the vendor's end-user terms before the first order.
- Provide first-line support to its customers and escalate vendor issues through the portal.
- Comply with applicable export control, anti-bribery and data protection laws.

## 3. Northwind obligations

- Make the Services available for ordering through the portal, with current prices.
- Provide second-line support on business days from 08:00 to 18:00 CET.
- Give at least thirty (30) days' notice of price increases.

## 4. Fees and payment

| Item | Terms |
|---|---|
| Prices | Northwind's price list in force on the order date, excluding taxes |
| Invoicing | Monthly in arrears, for the usage of the previous calendar month |
| Payment | Within ${payment} of the invoice date |
| Late payment | Interest at 1% per month; Northwind may suspend new orders after 15 days' notice |

## 5. Term and termination

1. This agreement starts on the date the Reseller accepts it and runs for one (1) year, renewing
   automatically for further one-year terms.
2. Either party may terminate it with ${notice}' written notice before the end of a term.
3. Either party may terminate it immediately if the other materially breaches it and does not cure the
   breach within thirty (30) days of written notice.
4. On termination the Reseller stops placing new orders; active subscriptions continue until the end of
   their billing period.

## 6. Liability

1. Neither party is liable for indirect or consequential loss, lost profits or lost data.
2. Each party's total liability in any twelve-month period is limited to the fees paid or payable under
   this agreement in that period.
3. These limits do not apply to fraud, gross negligence or breach of confidentiality.

## 7. Governing law

This agreement is governed by the laws of the State of Delaware, USA. The courts of Wilmington, Delaware,
have exclusive jurisdiction over any dispute arising from it.
${v === 2 ? "\n## 8. Data protection\n\nThe parties' Data Processing Addendum, available in the portal, forms part of this agreement.\n" : ""}`;
}

const DAY = 86_400_000;

/**
 * Idempotent: the demo account's service agreement with an active version 1 (from half a year ago, when
 * the demo's oldest contracts were made) and a draft version 2. Returns it, found or created.
 */
export async function seedDemoAgreement(tx: Tx, ids: { accountId: string; userId: string }) {
  const [existing] = await tx
    .select({ id: agreements.id, publicId: agreements.publicId })
    .from(agreements)
    .where(and(eq(agreements.ownerAccountId, ids.accountId), eq(agreements.name, DEMO_AGREEMENT_NAME)))
    .limit(1);
  const since = new Date(Date.now() - 180 * DAY);
  const agreement =
    existing ??
    (await withFreshPublicId(newId.serviceAgreement, async (publicId) => {
      const [row] = await tx
        .insert(agreements)
        .values({
          publicId,
          type: "service",
          name: DEMO_AGREEMENT_NAME,
          description: DESCRIPTION,
          ownerAccountId: ids.accountId,
          createdByUserId: ids.userId,
          createdAt: since,
          updatedAt: since,
        })
        .onConflictDoNothing({ target: agreements.publicId })
        .returning({ id: agreements.id, publicId: agreements.publicId });
      return row;
    }));
  if (!existing) {
    for (const n of [1, 2] as const) {
      const content = terms(n);
      const createdAt = n === 1 ? since : new Date(Date.now() - 3 * DAY);
      await tx.insert(agreementVersions).values({
        agreementId: agreement.id,
        number: n,
        content,
        contentKind: "markdown",
        sha256: sha256Hex(content),
        active: n === 1,
        publishedAt: n === 1 ? since : null,
        authorUserId: ids.userId,
        createdAt,
      });
    }
  }
  const versions = await tx
    .select({
      id: agreementVersions.id,
      number: agreementVersions.number,
      sha256: agreementVersions.sha256,
      createdAt: agreementVersions.createdAt,
    })
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreement.id))
    .orderBy(asc(agreementVersions.number));
  return { ...agreement, versions };
}
