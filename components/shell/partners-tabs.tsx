"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/layout";
import type { PartnersTab } from "@/lib/reseller/partners-access";

const tabs = [
  { key: "agreements", href: "/partners/agreements", label: "Agreements" },
  { key: "contracts", href: "/partners/contracts", label: "Contracts" },
  { key: "directory", href: "/partners/directory", label: "Directory" },
];

/** Only the tabs the account may use (a reseller with program.create sees Agreements alone). */
export function PartnersTabs({ allowed }: { allowed: PartnersTab[] }) {
  const current = usePathname().split("/")[2] ?? "contracts";
  return <TabNav tabs={tabs.filter((t) => (allowed as string[]).includes(t.key))} current={current} label="Partners" />;
}
