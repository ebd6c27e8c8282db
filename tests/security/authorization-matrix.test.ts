import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreementVersions, contracts, recoveryCodes, users, userTwoFactor } from "@/db/schema";
import { hashPassword } from "@/lib/security/passwords";
import { encryptTotpSecret, newTotpSecret, totpCode } from "@/lib/security/totp";
import { isAppError } from "@/lib/errors";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import {
  actAs,
  activateFor,
  db,
  makeAccount,
  makeActiveContract,
  makeAgreement,
  makeContract,
  makeMember,
  TEST_PASSWORD,
} from "../support/factories";
import { RedirectSignal } from "../support/next";
import { discoverActions, fingerprint, type Fn } from "../support/actions";
import { delegatedReseller } from "./delegation-support";

// SECURITY.md 16 and 18: every exported server action × role × owner. Refusals must write nothing
// (a fingerprint of every business table is compared); a new action without a row fails the suite.

// readonlyA: a Read-only member of distributor A (lib/accounts/roles.ts): sees, changes nothing.
type Role = "anonymous" | "staffA" | "staffB" | "resellerA" | "resellerOther" | "readonlyA";
const ROLES: Role[] = ["anonymous", "staffA", "staffB", "resellerA", "resellerOther", "readonlyA"];
type Who = Awaited<ReturnType<typeof makeAccount>>;
type World = { staffA: Who; staffB: Who; resellerA: Who; resellerOther: Who; readonlyA: Who; agreementA: string };
type Row = {
  /** Builds fresh targets owned by distributor A (or its reseller) and returns the call's arguments (for `role`). */
  args: (w: World, role: Role) => Promise<unknown[]>;
  allowed: Role[];
  /** Extra assertion on an allowed result (e.g. no other tenant's data in a read). */
  check?: (role: Role, result: unknown, w: World) => void;
  /** Undo what an allowed call did to the roles themselves (not to data). */
  after?: () => Promise<void>;
};

const future = defaultExpiryDate();
const SIGNED_IN: Role[] = ["staffA", "staffB", "resellerA", "resellerOther", "readonlyA"];
const MATRIX_NEW_PASSWORD = "velvet harbour lanterns drift past nine";
const PNG_1X1_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
let hash: Promise<string> | undefined;
const testPasswordHash = () => (hash ??= hashPassword(TEST_PASSWORD));

async function pendingTwoFactor(userId: string, secret: string, enabled = false) {
  await (
    await db()
  )
    .insert(userTwoFactor)
    .values({ userId, secretCiphertext: encryptTotpSecret(secret), enabledAt: enabled ? new Date() : null })
    .onConflictDoNothing();
}
async function clearTwoFactor() {
  const database = await db();
  await database.delete(userTwoFactor);
  await database.delete(recoveryCodes);
}
const pending = async (w: World) => (await makeContract(w.staffA, w.agreementA)).publicId;

/** An active contract of A owned by reseller A (the fixed one, so "owner" is meaningful). */
async function activeForResellerA(w: World, agreementPublicId = w.agreementA) {
  return activateFor(await makeContract(w.staffA, agreementPublicId), w.resellerA);
}

const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

const rows: Record<string, Row> = {
  // Agreements
  createAgreementAction: {
    args: async () => [{ type: "service", name: "Matrix agreement", description: "d", content: "terms", activate: true }],
    allowed: ["staffA", "staffB"], // each in its own account; resellers hold no agreement permission
  },
  addAgreementVersionAction: {
    args: async (w) => [
      { agreementId: (await makeAgreement(w.staffA, { versions: 1 })).agreement.publicId, content: "v2 terms", activate: false },
    ],
    allowed: ["staffA"],
  },
  publishAgreementVersionAction: {
    args: async (w) => [{ agreementId: (await makeAgreement(w.staffA, { versions: 2, active: 1 })).agreement.publicId, number: 2 }],
    allowed: ["staffA"],
  },
  deleteAgreementVersionAction: {
    args: async (w) => [{ agreementId: (await makeAgreement(w.staffA, { versions: 2, active: 1 })).agreement.publicId, number: 2 }],
    allowed: ["staffA"],
  },
  // Contracts tab and wizard
  createContractAction: {
    args: async (w) => [
      { agreementId: w.agreementA, kind: "production", noteToSignee: "Hi", linkExpiresOn: future, program: false, delegate: false },
    ],
    allowed: ["staffA"],
  },
  previewWizardAgreementAction: { args: async (w) => [{ agreementId: w.agreementA }], allowed: ["staffA"] },
  searchWizardAgreementsAction: {
    args: async () => [""],
    allowed: ["staffA", "staffB"],
    check: (role, result, w) => {
      const list = (result as { data: { publicId: string }[] }).data.map((a) => a.publicId);
      expect(list.includes(w.agreementA)).toBe(role === "staffA");
    },
  },
  // Contract details
  editNoteAction: { args: async (w) => [{ publicId: await pending(w), noteToSignee: "changed" }], allowed: ["staffA"] },
  regenerateLinkAction: { args: async (w) => [{ publicId: await pending(w), linkExpiresOn: future }], allowed: ["staffA"] },
  emailLinkAction: { args: async (w) => [{ publicId: await pending(w), signeeEmail: "signee@example.test" }], allowed: ["staffA"] },
  deleteContractAction: { args: async (w) => [{ publicId: await pending(w) }], allowed: ["staffA"] },
  terminateContractAction: {
    args: async (w) => [{ publicId: (await activeForResellerA(w)).publicId, reason: "Matrix" }],
    allowed: ["staffA"],
  },
  // Directory
  createPartnerAction: {
    args: async (w) => [
      {
        type: "reseller",
        companyName: "Matrix LLC",
        contactEmail: "m@example.test",
        agreementMode: "existing",
        agreementId: w.agreementA,
        kind: "test",
        noteToSignee: "Hi",
        linkExpiresOn: future,
        program: false,
        delegate: false,
      },
    ],
    allowed: ["staffA"],
  },
  // Reseller Portal: sign a newer version of the contract the reseller owns
  signVersionAction: {
    args: async (w) => {
      const { agreement, versions } = await makeAgreement(w.staffA, { versions: 2, active: 1 });
      const c = await activeForResellerA(w, agreement.publicId);
      const database = await db();
      await database.update(agreementVersions).set({ active: false }).where(eq(agreementVersions.id, versions[0].id));
      await database.update(agreementVersions).set({ active: true }).where(eq(agreementVersions.id, versions[1].id));
      return [{}, fd({ contractPublicId: c.publicId, agreementVersionId: versions[1].id, fromVersionId: versions[0].id, accepted: "on" })];
    },
    allowed: ["resellerA"],
  },
  // Session actions act on the caller only
  signOutEverywhereAction: {
    args: async () => [],
    allowed: ["staffA", "staffB", "resellerA", "resellerOther", "readonlyA"],
    // It ends every session of the caller: give the roles theirs back for the next rows.
    after: async () => void (await (await db()).execute(sql`update users set session_version = 1`)),
  },
  switchAccountAction: {
    args: async (w) => [fd({ account: w.staffB.account.publicId })],
    allowed: ["staffA", "staffB", "resellerA", "resellerOther", "readonlyA"],
  },

  // Your profile (issue 17): the caller's own password and two-factor sign-in; Read-only members too.
  changePasswordAction: {
    args: async () => [{ currentPassword: TEST_PASSWORD, newPassword: MATRIX_NEW_PASSWORD }],
    allowed: SIGNED_IN,
    // Each role's own password and sessions, given back for the next rows.
    after: async () => {
      const database = await db();
      await database.execute(sql`update users set session_version = 1`);
      await database.update(users).set({ passwordHash: await testPasswordHash() });
    },
  },
  startTwoFactorAction: { args: async () => [{}], allowed: SIGNED_IN, after: clearTwoFactor },
  cancelTwoFactorAction: { args: async () => [{}], allowed: SIGNED_IN },
  confirmTwoFactorAction: {
    // A pending setup of the calling role's own user, and the code its app would show now.
    args: async (w, role) => {
      const secret = newTotpSecret();
      if (role !== "anonymous") await pendingTwoFactor(w[role].user.id, secret);
      return [{ code: totpCode(secret, new Date()) }];
    },
    allowed: SIGNED_IN,
    after: clearTwoFactor,
  },
  disableTwoFactorAction: {
    args: async (w, role) => {
      if (role !== "anonymous") await pendingTwoFactor(w[role].user.id, newTotpSecret(), true);
      return [{ password: TEST_PASSWORD }];
    },
    allowed: SIGNED_IN,
    after: clearTwoFactor,
  },
  // Settings → Account and Branding: Owners and Admins of the account (every fixed role but readonlyA owns its account).
  setRequireTwoFactorAction: {
    args: async () => [{ require: true }],
    allowed: ["staffA", "staffB", "resellerA", "resellerOther"],
    after: async () => void (await (await db()).execute(sql`update account_security set require_two_factor = false`)),
  },
  updateBrandingAction: {
    args: async () => [{ accentColor: "#0a7d48", logo: PNG_1X1_BASE64 }],
    allowed: ["staffA", "staffB", "resellerA", "resellerOther"],
  },
  removeLogoAction: { args: async () => [{}], allowed: ["staffA", "staffB", "resellerA", "resellerOther"] },
};

type StepFn = (previous: null, f: FormData) => Promise<unknown>;

/** Public by design: no session exists yet. Each is proven to write nothing for a bad link or input. */
const publicActions: Record<string, (fn: Fn) => Promise<unknown>> = {
  signInAction: async () => "covered by tests/integration/auth.test.ts (throttled, same answer for unknown email)",
  signOutAction: async () => "ends the caller's own session; writes nothing",
  reviewStepAction: (fn) => (fn as StepFn)(null, fd({ token: "x".repeat(43), email: "a@b.test", accepted: "on" })),
  userStepAction: (fn) => (fn as StepFn)(null, fd({ token: "A".repeat(43), fullName: "<script>", password: "wrong password value" })),
  companyStepAction: (fn) => (fn as StepFn)(null, fd({ token: "A".repeat(43), companyChoice: "new", companyName: "" })),
  activateAction: (fn) => (fn as StepFn)(null, fd({ token: "not-a-token" })),
  rejectAction: (fn) => (fn as StepFn)(null, fd({ token: "A".repeat(43), reason: "no thanks" })),
  signOutForActivationAction: (fn) => (fn as unknown as (f: FormData) => Promise<unknown>)(fd({ token: "A".repeat(43) })),
  // Password reset: an unknown email is answered like a known one and writes nothing; an unknown link changes nothing.
  requestPasswordResetAction: (fn) => (fn as StepFn)(null, fd({ email: "nobody-here@example.test" })),
  resetPasswordAction: (fn) => (fn as StepFn)(null, fd({ token: "A".repeat(43), password: MATRIX_NEW_PASSWORD })),
};

function outcome(result: unknown, thrown: unknown): "allowed" | "refused" {
  if (thrown !== undefined) return thrown instanceof RedirectSignal && !thrown.url.startsWith("/sign-in") ? "allowed" : "refused";
  if (result && typeof result === "object") {
    if ("ok" in result) return (result as { ok: boolean }).ok ? "allowed" : "refused";
    if ("error" in result && (result as { error?: string }).error) return "refused";
  }
  return "allowed";
}

let world: World;
let actions: Map<string, Fn>;

beforeAll(async () => {
  actions = await discoverActions();
  const staffA = await makeAccount({ name: "Distributor A Inc." });
  const staffB = await makeAccount({ name: "Distributor B Inc." });
  const agreementA = (await makeAgreement(staffA, { versions: 2, active: 1 })).agreement.publicId;
  const resellerA = (await makeActiveContract(await makeContract(staffA, agreementA), { name: "Reseller of A LLC" })).reseller;
  const agreementB = (await makeAgreement(staffB)).agreement.publicId;
  const resellerOther = (await makeActiveContract(await makeContract(staffB, agreementB), { name: "Reseller of B LLC" })).reseller;
  const readonlyA = await makeMember(staffA, "readonly");
  world = { staffA, staffB, resellerA, resellerOther, readonlyA, agreementA };
});

describe("authorization matrix", () => {
  it("has a row for every exported server action", () => {
    const missing = [...actions.keys()].filter((name) => !(name in rows) && !(name in publicActions));
    expect(missing, `server actions without a row in the matrix: ${missing.join(", ")}`).toEqual([]);
    const stale = [...Object.keys(rows), ...Object.keys(publicActions)].filter((name) => !actions.has(name));
    expect(stale, `rows for actions that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });

  for (const [name, row] of Object.entries(rows)) {
    it(`${name}: allowed for ${row.allowed.join(", ")}; refused with zero writes for the rest`, async () => {
      const fn = actions.get(name)!;
      for (const role of ROLES) {
        const args = await row.args(world, role);
        actAs(role === "anonymous" ? null : world[role]);
        const before = await fingerprint();
        let result: unknown;
        let thrown: unknown;
        try {
          result = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (e) {
          thrown = e;
        }
        const got = outcome(result, thrown);
        const expected = row.allowed.includes(role) ? "allowed" : "refused";
        expect(got, `${name} as ${role}: ${JSON.stringify(result) ?? String(thrown)}`).toBe(expected);
        if (got === "refused") {
          expect(await fingerprint(), `${name} as ${role} wrote something while refusing`).toBe(before);
          if (thrown !== undefined)
            expect(isAppError(thrown) || thrown instanceof RedirectSignal, `${name} as ${role} threw ${String(thrown)}`).toBe(true);
        } else row.check?.(role, result, world);
        await row.after?.();
      }
    });
  }

  it("public activation and sign-in actions write nothing for a bad link or bad input", async () => {
    for (const [name, call] of Object.entries(publicActions)) {
      actAs(null);
      const before = await fingerprint();
      try {
        await call(actions.get(name)!);
      } catch (e) {
        expect(isAppError(e) || e instanceof RedirectSignal, `${name} threw ${String(e)}`).toBe(true);
      }
      expect(await fingerprint(), `${name} wrote something`).toBe(before);
    }
  });

  it("another tenant's contract is 'not found', exactly like a missing one", async () => {
    const publicId = await pending(world);
    actAs(world.staffB);
    const foreign = await actions.get("editNoteAction")!({ publicId, noteToSignee: "x" } as never);
    const missing = await actions.get("editNoteAction")!({ publicId: "CRS-00000-00000-00000", noteToSignee: "x" } as never);
    expect(foreign).toEqual(missing);
    const [row] = await (
      await db()
    )
      .select()
      .from(contracts)
      .where(and(eq(contracts.publicId, publicId)));
    expect(row.noteToSignee).toBe("Welcome aboard.");
  });

  // docs/security-requirements.md 34 through the actions a reseller would use (domain cases: tests/security/delegation.test.ts).
  describe("delegation cannot be escalated", () => {
    const call = (name: string, ...args: unknown[]) => (actions.get(name)! as (...a: unknown[]) => Promise<unknown>)(...args);
    const refusedWithoutWrites = async (run: () => Promise<unknown>, message: RegExp) => {
      const before = await fingerprint();
      let result: unknown;
      let thrown: unknown;
      try {
        result = await run();
      } catch (e) {
        thrown = e;
      }
      expect(outcome(result, thrown), JSON.stringify(result) ?? String(thrown)).toBe("refused");
      expect(JSON.stringify(result)).toMatch(message);
      expect(await fingerprint()).toBe(before);
    };

    it("a delegated reseller may not grant Program (wizard and Create Partner) it does not hold; zero writes", async () => {
      const r = await delegatedReseller();
      actAs(r.reseller);
      const params = { kind: "production", noteToSignee: "Hi", linkExpiresOn: future, program: true, delegate: false };
      await refusedWithoutWrites(
        () => call("createContractAction", { agreementId: r.agreement, ...params }),
        /may not grant program agreement creation/,
      );
      await refusedWithoutWrites(
        () =>
          call("createPartnerAction", {
            type: "reseller",
            companyName: "Self Grant LLC",
            contactEmail: "s@example.test",
            agreementMode: "existing",
            agreementId: r.agreement,
            ...params,
          }),
        /may not grant program agreement creation/,
      );
      expect(outcome(await call("createContractAction", { agreementId: r.agreement, ...params, program: false }), undefined)).toBe(
        "allowed",
      );
    });

    it("an issuer may not activate its own link for itself; zero writes", async () => {
      const r = await delegatedReseller();
      const { token } = await r.issue();
      actAs(r.reseller);
      await expect(call("reviewStepAction", null, fd({ token, email: "", accepted: "on" }))).rejects.toMatchObject({
        url: `/activate/${token}?step=company`,
      });
      await refusedWithoutWrites(
        () => call("companyStepAction", null, fd({ token, companyChoice: r.reseller.account.publicId })),
        /cannot activate a contract it issued/,
      );
    });
  });
});
