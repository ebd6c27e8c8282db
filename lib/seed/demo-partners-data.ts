import type { ContractKind, ContractStatus } from "@/db/schema";

/** The demo's reseller companies, each with the person who signed for it. */
export const DEMO_RESELLERS = [
  { name: "Contoso Cloud Services LLC", person: "Amelia Hart", email: "amelia@contoso.test" },
  { name: "Fabrikam IT Solutions GmbH", person: "Jonas Weber", email: "jonas.weber@fabrikam.test" },
  { name: "Litware Systems Inc.", person: "Priya Nair", email: "priya@litware.test" },
  { name: "Adventure Works Cloud Ltd.", person: "Tom Baker", email: "tom.baker@adventure-works.test" },
  { name: "Tailspin Technologies Inc.", person: "Grace Liu", email: "grace@tailspin.test" },
  { name: "Northern Lights Hosting AB", person: "Erik Lund", email: "erik@northernlights.test" },
  { name: "Wide World Importers LLC", person: "Maria Garcia", email: "maria@wideworld.test" },
  { name: "Blue Yonder Networks S.A.", person: "Lucas Martin", email: "lucas@blueyonder.test" },
  { name: "Coho Data Corp.", person: "Ben Carter", email: "ben@coho.test" },
  { name: "Proseware Digital LLC", person: "Hana Sato", email: "hana@proseware.test" },
  { name: "Alpine Ski Systems GmbH", person: "Felix Braun", email: "felix@alpine.test" },
  { name: "Trey Research Inc.", person: "Olivia Brown", email: "olivia@treyresearch.test" },
  { name: "Lucerne Publishing Ltd.", person: "Noah Wilson", email: "noah@lucerne.test" },
  { name: "Margie's Travel Tech Inc.", person: "Chloe Martin", email: "chloe@margies.test" },
] as const;

/** Which agreement a demo contract is on: the standard service agreement, or the marketplace terms (two versions). */
export type DemoAgreement = "service" | "marketplace";

export type DemoContract = {
  status: ContractStatus;
  on: DemoAgreement;
  kind: ContractKind;
  /** When it was created, in days before the seed runs. */
  daysAgo: number;
  /** Index into DEMO_RESELLERS, for active and terminated contracts. */
  reseller?: number;
  /** Who was invited, for pending and rejected contracts (neither: the link was passed on by hand). */
  invited?: { company?: string; email?: string };
  reason?: string;
  grant?: "program" | "delegate";
  /** On the marketplace terms: the version signed last (2 for the one reseller on version 2). */
  signed?: 1 | 2;
};

const active = (reseller: number, daysAgo: number, more: Partial<DemoContract> = {}): DemoContract => ({
  status: "active",
  on: "service",
  kind: "production",
  daysAgo,
  reseller,
  ...more,
});
const ended = (reseller: number, daysAgo: number, reason: string, more: Partial<DemoContract> = {}): DemoContract => ({
  status: "terminated",
  on: "service",
  kind: "production",
  daysAgo,
  reseller,
  reason,
  ...more,
});
const pending = (daysAgo: number, invited: DemoContract["invited"], more: Partial<DemoContract> = {}): DemoContract => ({
  status: "pending",
  on: "service",
  kind: "production",
  daysAgo,
  invited,
  ...more,
});
const rejected = (daysAgo: number, invited: DemoContract["invited"], reason: string, more: Partial<DemoContract> = {}): DemoContract => ({
  status: "rejected",
  on: "service",
  kind: "production",
  daysAgo,
  invited,
  reason,
  ...more,
});

/** 35 contracts in every status, spread over five months. */
export const DEMO_CONTRACTS: DemoContract[] = [
  active(0, 150, { grant: "program" }),
  active(0, 60, { kind: "test" }),
  active(1, 140),
  active(1, 120, { on: "marketplace", signed: 2 }),
  active(2, 135),
  active(3, 110, { on: "marketplace", signed: 1 }),
  active(4, 100, { grant: "delegate" }),
  active(5, 95),
  active(6, 90, { on: "marketplace", signed: 1 }),
  active(7, 85),
  active(9, 80),
  active(9, 45, { kind: "test" }),
  active(11, 70),
  active(12, 65, { grant: "program" }),
  active(13, 50),
  ended(7, 145, "The reseller moved its customers to a new contract on the current terms."),
  ended(8, 130, "Unpaid invoices for three months after two reminders."),
  ended(10, 115, "Ski season partnership ended as agreed.", { on: "marketplace", signed: 1 }),
  ended(12, 125, "Duplicate contract; the partner works under its newer one."),
  ended(2, 105, "Test contract no longer needed.", { kind: "test" }),
  pending(2, { company: "Fourth Coffee Hosting Inc.", email: "it@fourthcoffee.test" }),
  pending(3, { email: "partners@southridge.test" }),
  pending(5, { company: "Woodgrove Digital LLC", email: "ops@woodgrove.test" }, { kind: "test" }),
  pending(8, {}),
  pending(11, { company: "Humongous Cloud Ltd.", email: "deals@humongous.test" }, { grant: "program" }),
  pending(14, { email: "anna@graphicdesign.test" }),
  pending(18, {}, { kind: "test" }),
  pending(24, { company: "City Power & Light Services Inc.", email: "it@cpandl.test" }),
  pending(40, { company: "Relecloud GmbH", email: "hello@relecloud.test" }),
  pending(55, { email: "old.invite@vanarsdel.test" }),
  rejected(
    30,
    { company: "VanArsdel Ltd.", email: "legal@vanarsdel.test" },
    "We only sign agreements governed by the laws of England and Wales.",
  ),
  rejected(42, { email: "buyer@datum.test" }, "We already resell these services through another distributor."),
  rejected(58, { company: "School of Fine Art Ltd." }, "Sent to the wrong company."),
  rejected(75, { company: "Bellows College IT", email: "it@bellows.test" }, "Payment terms of 30 days are too short for us.", {
    kind: "test",
  }),
  rejected(88, { email: "sales@lamna.test" }, "Not interested at this time."),
];
