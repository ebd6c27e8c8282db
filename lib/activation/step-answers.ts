import { errorKey, v } from "@/lib/message-keys";
import "server-only";
import { assertCompanyNameAvailable } from "@/lib/accounts/company-name";
import { fieldErrorsOf, parseOrThrow } from "@/lib/action-result";
import { AppError, isAppError } from "@/lib/errors";
import { hashPassword, passwordProblem } from "@/lib/security/passwords";
import { OWN_CONTRACT } from "./activate-contract";
import { verifyExistingUser } from "./prepare-signer";
import { furthestStep, STEP_KEYS, type ActivationProgress } from "./progress";
import { hitEmailProbeLimit } from "./rate-limits";
import { companyChoiceSchema, existingUserStepSchema, newUserStepSchema, reviewSchema, stepFieldErrors } from "./schemas";
import { requireProgress, START_AGAIN, type StepContext } from "./step-context";
import { issuedLink, resellerCompaniesOf, userExistsWithEmail } from "./user-companies";

const INVALID = errorKey("invalid");

/**
 * Step 1: the email and the acceptance. Says (by the next step it leads to) whether the email has an
 * account, so it counts the email against the link's few allowed emails first.
 */
export async function answerReview(ctx: StepContext, input: { email: unknown; accepted: unknown }): Promise<ActivationProgress> {
  const { viewer } = ctx;
  const { email } = parseOrThrow(reviewSchema, { email: viewer ? viewer.email : input.email, accepted: input.accepted });
  const prev = ctx.progress;
  if (viewer) return { email, mode: "viewer", userId: viewer.userId, company: prev?.company };
  await hitEmailProbeLimit(ctx.db, ctx.tokenHash, email, ctx.review.linkExpiresAt);
  const mode = (await userExistsWithEmail(ctx.db, email)) ? "existing" : "new";
  if (prev && prev.email === email && prev.mode === mode) return { ...prev, carried: undefined };
  // Another email: nothing proven or hashed for the old one carries over; the names typed do.
  return {
    email,
    mode,
    fullName: mode === "new" ? prev?.fullName : undefined,
    company: prev?.company?.kind === "new" ? prev.company : undefined,
  };
}

/**
 * Step 2. A new user's password is checked against the policy and hashed here, once; only the hash is
 * kept. An existing user's password goes through the sign-in check and its throttle. Left empty, the
 * password already chosen or proven on this link stays (Back, then Next).
 */
export async function answerUser(ctx: StepContext, input: { fullName: unknown; password: unknown }): Promise<ActivationProgress> {
  const progress = requireProgress(ctx);
  if (progress.mode === "viewer") throw new AppError("invalid", errorKey("stepNotNeeded"));
  if (progress.mode === "existing") {
    const { password } = parseOrThrow(existingUserStepSchema, { password: input.password ?? "" });
    if (!password && progress.userId) return progress;
    if (!password) throw new AppError("invalid", INVALID, { password: v("yourPasswordRequired") });
    return { ...progress, userId: await verifyExistingUser(ctx.db, progress.email, password, ctx.info) };
  }
  const parsed = newUserStepSchema.safeParse({ fullName: input.fullName, password: input.password ?? "" });
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const password = typeof input.password === "string" ? input.password : "";
  const problem = !password
    ? progress.passwordHash
      ? undefined
      : v("passwordRequired")
    : errors.password
      ? undefined
      : passwordProblem(password, progress.email);
  if (problem) errors.password = problem;
  if (!parsed.success || Object.keys(errors).length) throw new AppError("invalid", INVALID, errors);
  const passwordHash = password ? await hashPassword(password) : progress.passwordHash;
  return { ...progress, fullName: parsed.data.fullName, passwordHash };
}

/** Step 3: a new company's name, or one of the signer's own reseller companies. */
export async function answerCompany(
  ctx: StepContext,
  input: { companyChoice: unknown; companyName: unknown },
): Promise<ActivationProgress> {
  const progress = requireProgress(ctx);
  if (STEP_KEYS.indexOf(furthestStep({ ...progress, carried: undefined })) < STEP_KEYS.indexOf("company"))
    throw new AppError("expired", START_AGAIN);
  const choice = typeof input.companyChoice === "string" && input.companyChoice !== "" ? input.companyChoice : "new";
  const parsed = companyChoiceSchema.safeParse(
    choice === "new" ? { kind: "new", name: input.companyName } : { kind: "existing", accountPublicId: choice },
  );
  if (!parsed.success) throw new AppError("invalid", INVALID, stepFieldErrors(fieldErrorsOf(parsed.error)));
  const company = parsed.data;
  // Said here rather than only after Activate; the activating transaction checks both again.
  if (company.kind === "new") await withStepFields(assertCompanyNameAvailable(ctx.db, company.name));
  if (company.kind === "existing") {
    const own = progress.userId ? await resellerCompaniesOf(ctx.db, progress.userId) : [];
    if (!own.some((c) => c.publicId === company.accountPublicId))
      throw new AppError("not_found", v("chooseCompany"), { companyId: v("chooseCompany") });
    if (await issuedLink(ctx.db, ctx.tokenHash, company.accountPublicId))
      throw new AppError("forbidden", OWN_CONTRACT, { companyId: OWN_CONTRACT });
  }
  return { ...progress, company, carried: undefined };
}

/** Domain errors name fields as the domain does ("name"); the step form names them its way ("companyName"). */
async function withStepFields<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isAppError(e)) throw new AppError(e.code, e.message, stepFieldErrors(e.fieldErrors));
    throw e;
  }
}
