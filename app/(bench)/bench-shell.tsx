import { signOutAction, signOutEverywhereAction, switchAccountAction } from "@/app/actions/auth";
import { PortalHeader } from "@/components/shell/portal-header";
import { PartnersTabs } from "@/components/shell/partners-tabs";
import { EmptyState } from "@/components/ui/layout";
import type { Viewer } from "@/lib/accounts/viewer";
import { NO_PERMISSIONS } from "@/lib/permissions";
import { env } from "@/lib/env";

/** A made-up viewer: the baselines render the portal's chrome without reading any real data. */
const BENCH_VIEWER: Viewer = {
  userId: "00000000-0000-0000-0000-000000000000",
  userPublicId: "UR-000-000-000",
  email: "baseline@bench.invalid",
  fullName: "Baseline Page",
  accountId: "00000000-0000-0000-0000-000000000000",
  accountPublicId: "PA-000-000",
  accountName: "Benchmark baseline",
  role: "distributor",
  permissions: NO_PERMISSIONS,
  accounts: [],
  ip: null,
  userAgent: null,
};

/** The same layout as a Partners page (header, heading, tabs), with placeholder content. */
export function BenchShell({ note }: { note: string }) {
  return (
    <div className="min-h-screen">
      <PortalHeader viewer={BENCH_VIEWER} actions={{ signOut: signOutAction, signOutEverywhere: signOutEverywhereAction, switchAccount: switchAccountAction }} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        <h1 className="mb-4 text-2xl font-semibold">Partners</h1>
        <PartnersTabs allowed={["agreements", "contracts", "directory"]} />
        <EmptyState title="Benchmark baseline">{note}</EmptyState>
      </main>
    </div>
  );
}

/** Baseline pages exist only for `npm run bench`, which starts the server with SCP_BENCH=1. */
export function benchEnabled(): boolean {
  return env().SCP_BENCH;
}
