import { describe, expect, it } from "vitest";
import { progressFor, stepToShow, type ActivationProgress } from "./progress";

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
const userId = "5f0c8a3e-8d5e-4a53-9f51-3f7b6d1f0a11";

describe("which activation step a page shows", () => {
  it("never skips ahead: a step is shown only when every earlier one is answered", () => {
    expect(stepToShow("activate", null)).toBe("review");
    const step1: ActivationProgress = { email: "a@example.test", mode: "new" };
    expect(stepToShow("company", step1)).toBe("user");
    expect(stepToShow(undefined, step1)).toBe("user");
    const step2 = { ...step1, fullName: "A", passwordHash: HASH };
    expect(stepToShow("activate", step2)).toBe("company");
    const step3 = { ...step2, company: { kind: "new" as const, name: "A Inc." } };
    expect(stepToShow(undefined, step3)).toBe("activate");
  });

  it("goes back freely, and any other value gets a step that can be shown", () => {
    const done: ActivationProgress = { email: "a@example.test", mode: "existing", userId, company: { kind: "new", name: "A Inc." } };
    expect(stepToShow("review", done)).toBe("review");
    expect(stepToShow("user", done)).toBe("user");
    for (const odd of ["", "5", ["user", "company"], "__proto__", "constructor"]) expect(stepToShow(odd, done)).toBe("activate");
  });

  it("a signed-in user has no user step; an Activate problem reopens the step that holds it", () => {
    const viewer: ActivationProgress = { email: "v@example.test", mode: "viewer", userId };
    expect(stepToShow("user", viewer)).toBe("company");
    const carried: ActivationProgress = {
      ...viewer,
      company: { kind: "new", name: "V Inc." },
      carried: { step: "company", error: "x", fieldErrors: {} },
    };
    expect(stepToShow("activate", carried)).toBe("company");
  });

  it("progress belongs to the visitor who made it: signing in or out starts again", () => {
    const visitor: ActivationProgress = { email: "a@example.test", mode: "new" };
    expect(progressFor(visitor, null)).toBe(visitor);
    expect(progressFor(visitor, userId)).toBeNull();
    const viewer: ActivationProgress = { email: "v@example.test", mode: "viewer", userId };
    expect(progressFor(viewer, userId)).toBe(viewer);
    expect(progressFor(viewer, null)).toBeNull();
    expect(progressFor(viewer, "0e3b1f0c-0000-4000-8000-000000000000")).toBeNull();
  });
});
