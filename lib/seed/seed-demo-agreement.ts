import type { Tx } from "@/db/client";

/**
 * Placeholder until agreements land (issue 3): the agreements area replaces this with the
 * "Northwind Reseller Service Agreement" (active v1, inactive v2).
 */
export async function seedDemoAgreement(_tx: Tx, _ids: { accountId: string; userId: string }): Promise<void> {}
