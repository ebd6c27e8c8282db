import { errorKey } from "@/lib/message-keys";
import "server-only";
import { cookies, headers } from "next/headers";
import { getDb, type Db } from "@/db/client";
import { isProduction } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { requestInfo } from "@/lib/request-info";
import { hashToken, isWellFormedToken } from "@/lib/security/tokens";
import type { Viewer } from "@/lib/accounts/viewer";
import { assertSameOrigin, getViewer } from "@/lib/session";
import { linkRefusal } from "./link-refusal";
import type { RequestInfo } from "./prepare-signer";
import { progressFor, type ActivationProgress, type StepKey } from "./progress";
import { openProgress, PROGRESS_COOKIE, PROGRESS_TTL_SECONDS, sealProgress } from "./progress-cookie";
import { hitActivationLimits } from "./rate-limits";
import { resolveActivationLink, type ActivationReview } from "./resolve-activation-link";

export type StepContext = {
  db: Db;
  token: string;
  tokenHash: string;
  review: ActivationReview;
  /** This visitor's progress on this link (another visitor's, e.g. before signing in, is dropped). */
  progress: ActivationProgress | null;
  viewer: Viewer | null;
  info: RequestInfo;
};

export const START_AGAIN = errorKey("startAgain");

/**
 * The gate of every activation step: the form's link must be well formed and still pending before
 * anything else is read, counted, checked or hashed. An unknown link writes nothing, not even a
 * rate-limit row. `count: false` for Activate and Reject, whose domain functions count themselves.
 */
export async function openStep(form: FormData, opts: { count?: boolean } = {}): Promise<StepContext> {
  await assertSameOrigin();
  const token = form.get("token");
  if (typeof token !== "string" || !isWellFormedToken(token)) throw linkRefusal("invalid");
  const db = await getDb();
  const link = await resolveActivationLink(db, token);
  if (link.state !== "pending") throw linkRefusal(link.state);
  const tokenHash = hashToken(token);
  const info = requestInfo(await headers());
  if (opts.count !== false) await hitActivationLimits(db, tokenHash, info.ip);
  const viewer = await getViewer();
  const progress = progressFor(await readProgress(token), viewer?.userId ?? null);
  return { db, token, tokenHash, review: link.review, progress, viewer, info };
}

/** The progress the step builds on, or a refusal asking to start again (expired, forged, another link's). */
export function requireProgress(ctx: StepContext): ActivationProgress {
  if (!ctx.progress) throw new AppError("expired", START_AGAIN);
  return ctx.progress;
}

/** The cookie lives under this link's own path only, so no other page (nor another link) ever gets it. */
function cookieOptions(token: string, maxAge: number) {
  return { httpOnly: true, sameSite: "lax" as const, secure: isProduction(), path: `/activate/${token}`, maxAge };
}

export async function readProgress(token: string): Promise<ActivationProgress | null> {
  return openProgress(hashToken(token), (await cookies()).get(PROGRESS_COOKIE)?.value);
}

export async function writeProgress(token: string, progress: ActivationProgress): Promise<void> {
  (await cookies()).set(PROGRESS_COOKIE, sealProgress(hashToken(token), progress), cookieOptions(token, PROGRESS_TTL_SECONDS));
}

export async function clearProgress(token: string): Promise<void> {
  (await cookies()).set(PROGRESS_COOKIE, "", cookieOptions(token, 0));
}

/** Where a step lives: one page per link, the step in the query so Back and reload keep it. */
export function stepUrl(token: string, step: StepKey | "reject"): string {
  return `/activate/${token}?step=${step}`;
}
