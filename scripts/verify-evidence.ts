// npm run verify-evidence <file.json|file.pdf> [-- --key <base64 public key> | --key-file <file>]
// Checks a certificate of acceptance offline (docs/notes/evidence.md). Trusted keys, in this order: those given
// with --key / --key-file (the base64 key, or the JSON of /.well-known/scp-evidence-key); else this deployment's
// own key from its settings (SCP_EVIDENCE_SIGNING_KEY, or derived from AUTH_SECRET, read from the environment or
// .env.local). Exit code: 0 valid, 1 altered or unreadable, 2 signed by a key not trusted here (or bad usage).
import { existsSync, readFileSync } from "node:fs";
import { keyIdOf, publicKeyFromRaw, verifyJsonText, type TrustedKey, type Verification } from "../lib/evidence/document";
import { isPdf, verifyPdf } from "../lib/evidence/pdf";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !["--key", "--key-file"].includes(args[i - 1] ?? ""));
if (!file) {
  console.error("Usage: npm run verify-evidence <certificate.json|certificate.pdf> [-- --key <base64 public key> | --key-file <file>]");
  process.exit(2);
}

const given: string[] = [];
args.forEach((a, i) => {
  if (a === "--key" && args[i + 1]) given.push(args[i + 1]);
  if (a === "--key-file" && args[i + 1]) {
    const text = readFileSync(args[i + 1], "utf8").trim();
    if (text.startsWith("{")) {
      const published = JSON.parse(text) as { current?: { publicKey: string }; previous?: { publicKey: string }[] };
      for (const k of [published.current, ...(published.previous ?? [])]) if (k?.publicKey) given.push(k.publicKey);
    } else given.push(text);
  }
});

async function trusted(): Promise<{ keys: TrustedKey[]; source: string }> {
  if (given.length > 0)
    return {
      keys: given.map((b64) => ({ keyId: keyIdOf(b64), publicKey: publicKeyFromRaw(b64), publicKeyBase64: b64 })),
      source: "the key(s) given",
    };
  if (existsSync(".env.local")) process.loadEnvFile(".env.local");
  if (!process.env.SCP_EVIDENCE_SIGNING_KEY && !process.env.AUTH_SECRET) return { keys: [], source: "no key" };
  const { trustedKeys } = await import("../lib/evidence/keys");
  return { keys: trustedKeys(), source: "this deployment's key (its settings)" };
}

const bytes = new Uint8Array(readFileSync(file));
const { keys, source } = await trusted();
const result: Verification & { appendix?: string } = isPdf(bytes)
  ? await verifyPdf(bytes, keys)
  : verifyJsonText(Buffer.from(bytes).toString("utf8"), keys);

switch (result.status) {
  case "valid":
    console.log(`VALID: ${file} is signed by ${result.keyId} (${source}) and unchanged.`);
    console.log(
      `  certificate ${String(result.certificate.certificateCode)}, contract ${String(result.certificate.contractId)}, version ${String(result.certificate.versionNumber)}, signed ${String(result.certificate.signedAt)}`,
    );
    if (result.appendix) console.log(`  appendix (version text): ${result.appendix}`);
    process.exit(0);
    break;
  case "altered":
    console.log(`ALTERED: ${file} was changed after it was signed by ${result.keyId}. Changed:`);
    for (const f of result.fields) console.log(`  - ${f}`);
    process.exit(1);
    break;
  case "unknown_key":
    console.log(
      `UNKNOWN KEY: ${file} is signed by ${result.keyId}, which is not ${source === "no key" ? "known here (give one with --key)" : source}.`,
    );
    console.log(
      result.selfConsistent
        ? "  The signature holds for the key the file names: compare that key with the issuer's /.well-known/scp-evidence-key."
        : "  The signature does not even hold for the key the file names.",
    );
    process.exit(2);
    break;
  default:
    console.log(`UNREADABLE: ${file}: ${result.reason}`);
    process.exit(1);
}
