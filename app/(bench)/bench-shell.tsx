import { signOutAction, signOutEverywhereAction, switchAccountAction } from "@/app/actions/auth";
import { AppShell } from "@/components/shell/app-shell";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import type { Viewer } from "@/lib/accounts/viewer";
import { ALL_PERMISSIONS } from "@/lib/permissions";
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
  memberRole: "owner",
  // The Partners sections in the sidebar, as a distributor's page shows them.
  permissions: ALL_PERMISSIONS,
  accounts: [],
  ip: null,
  userAgent: null,
};

/** The same layout as a Partners page (sidebar, account menu, page title), with placeholder content. */
export function BenchShell({ note }: { note: string }) {
  return (
    <AppShell
      viewer={BENCH_VIEWER}
      actions={{ signOut: signOutAction, signOutEverywhere: signOutEverywhereAction, switchAccount: switchAccountAction }}
    >
      <PageHeader title="Contracts" />
      <EmptyState title="Benchmark baseline">{note}</EmptyState>
    </AppShell>
  );
}

/** Baseline pages exist only for `npm run bench`, which starts the server with SCP_BENCH=1. */
export function benchEnabled(): boolean {
  return env().SCP_BENCH;
}
