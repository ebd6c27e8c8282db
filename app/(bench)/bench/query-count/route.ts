import { connection } from "next/server";
import { env } from "@/lib/env";

/** SQL statements this server process has run so far (db/client.ts counts them); bench only. */
export async function GET() {
  await connection();
  if (!env().SCP_BENCH) return new Response("Not found", { status: 404 });
  const count = (globalThis as unknown as { __scpQueryCount?: number }).__scpQueryCount ?? 0;
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
