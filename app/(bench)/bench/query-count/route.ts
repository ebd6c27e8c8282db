import { connection } from "next/server";

/** SQL statements this server process has run so far (db/client.ts counts them); bench only. */
export async function GET() {
  await connection();
  if (process.env.SCP_BENCH !== "1") return new Response("Not found", { status: 404 });
  const count = (globalThis as unknown as { __scpQueryCount?: number }).__scpQueryCount ?? 0;
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
