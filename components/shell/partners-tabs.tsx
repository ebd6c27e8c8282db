"use client";

import { usePathname } from "next/navigation";
import { TabNav } from "@/components/ui/layout";

const tabs = [
  { key: "agreements", href: "/partners/agreements", label: "Agreements" },
  { key: "contracts", href: "/partners/contracts", label: "Contracts" },
  { key: "directory", href: "/partners/directory", label: "Directory" },
];

export function PartnersTabs() {
  const current = usePathname().split("/")[2] ?? "contracts";
  return <TabNav tabs={tabs} current={current} label="Partners" />;
}
