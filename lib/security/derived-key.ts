import "server-only";
import { hkdfSync } from "node:crypto";

const keys = new Map<string, Buffer>();

/**
 * A 32-byte key for one purpose (`info`), derived from a server secret with HKDF-SHA256 (salt
 * "service-contracts"): sealed values (lib/security/seal.ts), the activation progress cookie and sign-in
 * ticket, the two-factor ticket. Derived once per secret and purpose for the life of the process (issue 23:
 * the contract page derived the activation link's key on every view). Keyed by the secret too, so a new
 * secret gets its own key. The caller must not modify the buffer.
 */
export function derivedKey(secret: string, info: string): Buffer {
  const id = `${info}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "service-contracts", info, 32));
    keys.set(id, key);
  }
  return key;
}
