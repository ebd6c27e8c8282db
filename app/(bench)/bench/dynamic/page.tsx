import { connection } from "next/server";
import { notFound } from "next/navigation";
import { BenchShell, benchEnabled } from "../../bench-shell";

export default async function DynamicBaselinePage() {
  await connection(); // rendered on every request, like the real pages, but with no database access
  if (!benchEnabled()) notFound();
  return <BenchShell note={`Dynamic baseline: rendered per request (${new Date().toISOString()}).`} />;
}
