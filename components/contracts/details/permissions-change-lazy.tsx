"use client";

import dynamic from "next/dynamic";

// The Permissions tab's forms load with that tab, not with every tab of the contract's page: the page's
// first load (General) carries no form library (bench ratio 8a).
export const ChangePermissionsForm = dynamic(() => import("./permissions-change").then((m) => m.ChangePermissionsForm));
export const WithdrawProposalButton = dynamic(() => import("./permissions-change").then((m) => m.WithdrawProposalButton));
