import { errorKey } from "@/lib/message-keys";
import "server-only";
import type { Viewer } from "@/lib/accounts/viewer";
import { AppError, isAppError } from "@/lib/errors";
import { furthestStep, type ActivationProgress } from "./progress";
import { stepFieldErrors, type CompanyChoice, type Signer } from "./schemas";
import { START_AGAIN } from "./step-context";

/**
 * Who signs at Activate, from the answers kept on the link: a new user with the hash made at step 2,
 * the existing user whose password step 2 proved, or the signed-in viewer (still signed in as them).
 */
export function activationInputFor(progress: ActivationProgress, viewer: Viewer | null): { signer: Signer; company: CompanyChoice } {
  if (furthestStep(progress) !== "activate" || !progress.company) throw new AppError("expired", START_AGAIN);
  return { signer: signerOf(progress, viewer), company: progress.company };
}

function signerOf(progress: ActivationProgress, viewer: Viewer | null): Signer {
  if (progress.mode === "viewer") {
    if (!viewer || viewer.userId !== progress.userId) throw new AppError("unauthenticated", errorKey("sessionEnded"));
    return { kind: "viewer", userId: viewer.userId };
  }
  if (progress.mode === "existing") return { kind: "verified", userId: progress.userId! };
  return { kind: "hashed", email: progress.email, fullName: progress.fullName!, passwordHash: progress.passwordHash! };
}

const STEP_OF_FIELD: Record<string, "review" | "company"> = { email: "review", companyName: "company", companyId: "company" };

/** An Activate refusal about an earlier answer, as the step that holds it shows it; else undefined. */
export function carriedProblem(e: unknown): ActivationProgress["carried"] {
  if (!isAppError(e) || !e.fieldErrors) return undefined;
  const fieldErrors = stepFieldErrors(e.fieldErrors) ?? {};
  const step = Object.keys(fieldErrors)
    .map((f) => STEP_OF_FIELD[f])
    .find(Boolean);
  return step ? { step, error: e.message.slice(0, 500), fieldErrors } : undefined;
}
