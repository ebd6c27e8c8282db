import { errorKey } from "@/lib/message-keys";
import { hash, verify } from "@node-rs/argon2";
import { weakPasswordWarning } from "./password-strength";

// OWASP's argon2id minimum: m=19 MiB, t=2, p=1.
const PARAMS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$";

export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 256;
export const PASSWORD_RULE = `At least ${PASSWORD_MIN} characters. Any characters are allowed; a long phrase is best. Common or easily guessed passwords and ones containing your email name are refused.`;

export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** NIST SP 800-63B: length, no composition rules, a blocklist, nothing derived from the email. */
export function passwordProblem(password: string, email?: string): string | undefined {
  const p = normalizePassword(password);
  const length = [...p].length;
  if (length < PASSWORD_MIN) return errorKey("passwordTooShort", { min: PASSWORD_MIN });
  if (length > PASSWORD_MAX) return errorKey("passwordTooLongMax", { max: PASSWORD_MAX });
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 3 && p.toLowerCase().includes(local)) return errorKey("passwordHasEmailName");
  const warning = weakPasswordWarning(p, local ? [local] : []);
  if (warning === undefined) return undefined;
  return warning ? errorKey("passwordTooCommonWhy", { warning: warning.replace(/\.$/, "").toLowerCase() }) : errorKey("passwordTooCommon");
}

export async function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, normalizePassword(password));
  } catch {
    return false;
  }
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

let dummy: Promise<string> | undefined;
/** Verified against when the email is unknown, so both failures take the same time. */
export function dummyHash(): Promise<string> {
  dummy ??= hash("dummy-password-for-timing-equalisation", PARAMS);
  return dummy;
}
