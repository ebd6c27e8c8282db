import "server-only";
import { cookies } from "next/headers";
import { readSession } from "@/lib/session-read";
import { getViewer } from "@/lib/session";

const NO_STORE = { "Cache-Control": "private, no-cache, no-store", Expires: "0", Pragma: "no-cache" };

/**
 * GET /api/auth/session: the same answer pages get. A session whose version was bumped ("Sign out
 * everywhere") or whose 12 hours are over is reported as none, and its cookie is removed.
 */
export async function currentSession(): Promise<Response> {
  const [session, viewer] = await Promise.all([readSession(), getViewer()]);
  if (!session || !viewer) {
    const jar = await cookies();
    // A "__Secure-" cookie is only replaced by one that is itself Secure.
    for (const { name } of jar.getAll().filter((c) => c.name.includes("authjs.session-token"))) {
      jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
    return Response.json(null, { headers: NO_STORE });
  }
  return Response.json(
    { user: { name: viewer.fullName, email: viewer.email }, expires: session.expires.toISOString() },
    { headers: NO_STORE },
  );
}
