import { publishedKeys } from "@/lib/evidence/keys";

export const dynamic = "force-dynamic";

/**
 * The deployment's public key for certificates of acceptance (docs/notes/evidence.md): public, so anybody
 * can check a certificate offline (`npm run verify-evidence file --key <publicKey>`).
 */
export function GET() {
  return Response.json(
    { ...publishedKeys(), verify: "/verify", format: "scp-certificate-of-acceptance/v1" },
    { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } },
  );
}
