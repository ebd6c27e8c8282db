import { errorKey } from "@/lib/message-keys";
import "server-only";
import type { Db } from "@/db/client";
import { authenticate } from "@/lib/accounts/authenticate";
import { AppError } from "@/lib/errors";
import { hashPassword, passwordProblem } from "@/lib/security/passwords";
import type { Signer } from "./schemas";

export type RequestInfo = { ip: string; userAgent: string };

export type PreparedSigner = { kind: "new"; email: string; fullName: string; passwordHash: string } | { kind: "known"; userId: string };

export const WRONG_PASSWORD = errorKey("signerPasswordWrong");

/**
 * Everything slow or throttled about the signer, done before the transaction opens: the password
 * policy and argon2 hashing for a new user, the rate-limited password check for an existing one.
 */
export async function prepareSigner(db: Db, signer: Signer, info: RequestInfo): Promise<PreparedSigner> {
  if (signer.kind === "viewer" || signer.kind === "verified") return { kind: "known", userId: signer.userId };
  if (signer.kind === "hashed") return { kind: "new", email: signer.email, fullName: signer.fullName, passwordHash: signer.passwordHash };
  if (signer.kind === "existing") return { kind: "known", userId: await verifyExistingUser(db, signer.email, signer.password, info) };
  const problem = passwordProblem(signer.password, signer.email);
  if (problem) throw new AppError("invalid", errorKey("invalid"), { password: problem });
  return { kind: "new", email: signer.email, fullName: signer.fullName, passwordHash: await hashPassword(signer.password) };
}

/** The existing account's password, through the throttled sign-in check. Returns the user id. */
export async function verifyExistingUser(db: Db, email: string, password: string, info: RequestInfo): Promise<string> {
  const result = await authenticate(db, { email, password, ...info });
  if (result.status === "rate_limited") throw new AppError("rate_limited", errorKey("tooManySignIns15"));
  if (result.status !== "ok") throw new AppError("invalid", WRONG_PASSWORD, { password: WRONG_PASSWORD });
  return result.user.id;
}
