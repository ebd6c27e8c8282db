import { notFound } from "next/navigation";
import { BenchShell, benchEnabled } from "../../bench-shell";

// Prerendered at build time, so the switch is read by `next build` (the bench builds with SCP_BENCH=1).
export const dynamic = "force-static";

export default function StaticBaselinePage() {
  if (!benchEnabled()) notFound();
  return <BenchShell note="Static baseline: prerendered at build time." />;
}
