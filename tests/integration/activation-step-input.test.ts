import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { companyStepAction, reviewStepAction, userStepAction } from "@/app/activate/step-actions";
import { PROGRESS_COOKIE, sealProgress } from "@/lib/activation/progress-cookie";
import type { ActivationProgress } from "@/lib/activation/progress";
import type { StepAction } from "@/lib/activation/step-state";
import { clock } from "@/lib/security/backoff";
import { hashToken } from "@/lib/security/tokens";
import { actAs, makeAccount } from "@/tests/support/factories";
import { hostileString } from "@/tests/support/hostile";
import { request } from "@/tests/support/next";
import { creditTokenLimit } from "@/tests/security/concurrency-support";
import { distributorWithAgreement } from "./activation-support";
import { newVisitor, stepForm, submit } from "./activation-steps-support";

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

afterEach(() => vi.restoreAllMocks());

// The shared hostile-input suite meets these steps without progress (they then ask to start again);
// here each step gets the progress it builds on, so hostile answers reach its own checks.
describe("activation step answers under hostile input", () => {
  let setup: Awaited<ReturnType<typeof distributorWithAgreement>>;
  let existing: ActivationProgress;
  beforeAll(async () => {
    setup = await distributorWithAgreement();
    const { user } = await makeAccount({ role: "reseller" });
    existing = { email: user.email, mode: "existing", userId: user.id };
  });

  const cases: [string, StepAction, () => ActivationProgress, string[]][] = [
    ["review", reviewStepAction, () => ({ email: "a@example.test", mode: "new" }), ["email", "accepted"]],
    ["user (new)", userStepAction, () => ({ email: "a@example.test", mode: "new" }), ["fullName", "password"]],
    ["user (existing)", userStepAction, () => existing, ["password"]],
    ["company", companyStepAction, () => ({ ...existing, fullName: "A", passwordHash: HASH }), ["companyChoice", "companyName"]],
  ];
  for (const [name, action, progress, fields] of cases) {
    it(`${name}: moves on or names what to correct, never a generic error, never echoes a password`, async () => {
      const logged = vi.spyOn(console, "error");
      // Wrong passwords on one email slow the next sign-in check (lib/security/backoff.ts); not the point here.
      vi.spyOn(clock, "wait").mockResolvedValue();
      // A link of its own with room under the per-link attempt limit, so every run (and shrink) reaches the checks.
      const { token } = await setup.issue();
      await creditTokenLimit(token, 500);
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...fields), hostileString, { minKeys: 1 }), async (answers) => {
          actAs(null);
          newVisitor();
          request.cookies.set(PROGRESS_COOKIE, sealProgress(hashToken(token), progress()));
          const { to, state } = await submit(action, stepForm(token, answers));
          expect(logged).not.toHaveBeenCalled();
          if (to) {
            expect(to).toMatch(new RegExp(`^/activate/${token}\\?step=(user|company|activate)$`));
            return;
          }
          expect(state?.ok).toBe(false);
          if (state?.ok !== false) return;
          expect(state.error).not.toMatch(/Something went wrong|Too many attempts on this activation link/);
          if (state.error === "Please correct the highlighted fields.")
            expect(Object.keys(state.fieldErrors ?? {}).length).toBeGreaterThan(0);
          // (Unless another answer, echoed back on purpose, happens to contain the same text.)
          const { password = "", ...others } = answers;
          if (password.length > 3 && !Object.values(others).some((v) => v.includes(password)))
            expect(JSON.stringify(state)).not.toContain(JSON.stringify(password).slice(1, -1));
        }),
        { numRuns: 25 },
      );
    });
  }
});
