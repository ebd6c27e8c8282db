import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { agreementVersions, contractProposals, contracts, recoveryCodes, users, userTwoFactor, webhookDeliveries } from "@/db/schema";
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
import { rowsOf } from "@/db/query";
import { delegatedReseller } from "./delegation-support";
import { freshEmail, invite } from "../support/people";
import { createApiKey } from "@/lib/api/api-keys";
import { createWebhookEndpoint, sendTestEvent } from "@/lib/webhooks/endpoints";

const endpointOfA = async (w: World) =>
  (await createWebhookEndpoint(await db(), w.staffA.viewer, { url: "https://93.184.216.34/hooks", eventTypes: ["contract.created"] })).id;

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
async function activeForResellerA(w: World, agreementPublicId = w.agreementA, overrides: Parameters<typeof makeContract>[2] = {}) {
  return activateFor(await makeContract(w.staffA, agreementPublicId, overrides), w.resellerA);
}

const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** An active contract of A owned by reseller A with a pending proposal (wider permissions, or promotion of a Test contract). */
async function withProposal(w: World, kind: "permissions" | "promotion") {
  const { changePermissions, promoteContract } = await import("@/lib/contracts/proposals");
  const contract = await activeForResellerA(w, w.agreementA, { kind: kind === "promotion" ? "test" : "production" });
  if (kind === "permissions")
    await changePermissions(await db(), w.staffA.viewer, { publicId: contract.publicId, program: true, delegate: false });
  else await promoteContract(await db(), w.staffA.viewer, { publicId: contract.publicId });
  const [p] = await (await db()).select().from(contractProposals).where(eq(contractProposals.contractId, contract.id));
  return { contract, proposalId: p.id };
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
  // Issue 18: Invite in bulk (check, then create batch by batch)
  previewBulkInviteAction: {
    args: async (w) => [{ csv: "email,note,kind\nbulk@example.test,Hi,test", agreementId: w.agreementA, linkExpiresOn: future }],
    allowed: ["staffA"],
  },
  runBulkInviteBatchAction: {
    args: async (w) => {
      const csv = `email,note,kind\nbulk-${Math.random().toString(36).slice(2)}@example.test,Hi,test`;
      const { createHash } = await import("node:crypto");
      const fileHash = createHash("sha256").update(csv).digest("hex");
      return [{ csv, agreementId: w.agreementA, linkExpiresOn: future, fileHash, from: 0, count: 1 }];
    },
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
  // Issue 18: Extend expiry (details), Settings → Reminders (Owners and Admins of an account that invites)
  extendExpiryAction: {
    args: async (w) => {
      const c = await makeContract(w.staffA, w.agreementA);
      const [row] = await (await db()).select().from(contracts).where(eq(contracts.publicId, c.publicId));
      return [
        {
          publicId: c.publicId,
          linkExpiresOn: defaultExpiryDate(new Date(Date.now() + 60 * 86_400_000)),
          currentExpiresAt: row.linkExpiresAt.toISOString(),
        },
      ];
    },
    allowed: ["staffA"],
  },
  saveReminderPolicyAction: {
    args: async () => [{ enabled: true, firstAfterDays: 2, everyDays: 5, maxReminders: 4 }],
    allowed: ["staffA", "staffB"], // each its own account's policy; resellers here invite nobody; Read-only changes nothing
  },
  terminateContractAction: {
    args: async (w) => [{ publicId: (await activeForResellerA(w)).publicId, reason: "Matrix" }],
    allowed: ["staffA"],
  },
  // Issue 21: contract terms over time (issuer side)
  extendContractAction: {
    args: async (w) => [{ publicId: (await activeForResellerA(w, w.agreementA, { endsOn: dayAhead(60) })).publicId, endsOn: dayAhead(90) }],
    allowed: ["staffA"],
  },
  changePermissionsAction: {
    args: async (w) => [
      { publicId: (await activeForResellerA(w, w.agreementA, { program: true })).publicId, program: false, delegate: false },
    ],
    allowed: ["staffA"],
  },
  withdrawProposalAction: {
    args: async (w) => [{ publicId: (await withProposal(w, "permissions")).contract.publicId, kind: "permissions" }],
    allowed: ["staffA"],
  },
  promoteContractAction: {
    args: async (w) => [{ publicId: (await activeForResellerA(w, w.agreementA, { kind: "test" })).publicId }],
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
  // Settings → Users (issue 17): every signed-in Owner or Admin in their own account; a pending invitation
  // or a user of A is "not found" to everyone else. Admin/Member/Read-only of one account: tests/integration/people-roles.test.ts.
  inviteUserAction: {
    args: async () => [{ email: freshEmail("matrix"), role: "member" }],
    allowed: ["staffA", "staffB", "resellerA", "resellerOther"],
  },
  resendInvitationAction: { args: async (w) => [{ invitationId: (await invite(w.staffA)).invitationId }], allowed: ["staffA"] },
  revokeInvitationAction: { args: async (w) => [{ invitationId: (await invite(w.staffA)).invitationId }], allowed: ["staffA"] },
  changeRoleAction: {
    args: async (w) => [{ userId: (await makeMember(w.staffA, "member")).user.publicId, role: "readonly" }],
    allowed: ["staffA"],
  },
  removeUserAction: { args: async (w) => [{ userId: (await makeMember(w.staffA, "member")).user.publicId }], allowed: ["staffA"] },
  // Join a pending invitation as the signed-in user: only the user the invitation names (here reseller A's,
  // invited into distributor B); everyone else is refused. The join is undone for the next role.
  joinAsViewerAction: {
    args: async (w) => [null, fd({ token: (await invite(w.staffB, "member", w.resellerA.user.email)).token })],
    allowed: ["resellerA"],
    after: async () => {
      const database = await db();
      await database.execute(sql`delete from staff_invitations where lower(email) = lower(${world.resellerA.user.email})`);
      await database.execute(
        sql`delete from memberships where user_id = ${world.resellerA.user.id} and account_id = ${world.staffB.account.id}`,
      );
    },
  },
  // Reseller Portal: accept a proposal on a contract the reseller owns (issue 21)
  acceptProposalAction: {
    args: async (w) => {
      const { contract, proposalId } = await withProposal(w, "permissions");
      return [{}, fd({ contractPublicId: contract.publicId, proposalId, accepted: "on" })];
    },
    allowed: ["resellerA"],
  },
  // Settings → API keys: Owners and Admins of each account, on its own keys only
  createApiKeyAction: {
    args: async () => [{ name: "Matrix key", scope: "read" }],
    allowed: ["staffA", "staffB", "resellerA", "resellerOther"], // each an Owner of its own account; Read-only refused
  },
  revokeApiKeyAction: {
    args: async (w) => [{ id: (await createApiKey(await db(), w.staffA.viewer, { name: "Matrix key", scope: "write" })).id }],
    allowed: ["staffA"],
  },
  // Settings → Webhooks: Owners and Admins of each account, on its own endpoints only (a public IP: no DNS in tests)
  createWebhookEndpointAction: {
    args: async () => [{ url: "https://93.184.216.34/hooks", eventTypes: ["contract.created"] }],
    allowed: ["staffA", "staffB", "resellerA", "resellerOther"],
  },
  deleteWebhookEndpointAction: { args: async (w) => [{ endpointId: await endpointOfA(w) }], allowed: ["staffA"] },
  enableWebhookEndpointAction: { args: async (w) => [{ endpointId: await endpointOfA(w) }], allowed: ["staffA"] },
  sendTestWebhookAction: { args: async (w) => [{ endpointId: await endpointOfA(w) }], allowed: ["staffA"] },
  redeliverWebhookAction: {
    args: async (w) => {
      const endpointId = await endpointOfA(w);
      await sendTestEvent(await db(), w.staffA.viewer, { endpointId });
      const [d] = await (await db()).select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
      return [{ deliveryId: d.id }];
    },
    allowed: ["staffA"],
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
  // The Verify page: anybody checks a certificate; it reads the file and writes nothing (tests/integration/evidence.test.ts).
  verifyEvidenceAction: async (fn) => {
    const f = new FormData();
    f.set("file", new Blob(['{"format":"scp-certificate-of-acceptance/v1"}'], { type: "application/json" }), "c.json");
    return (fn as StepFn)(null, f);
  },
  joinNewUserAction: (fn) =>
    (fn as StepFn)(null, fd({ token: "A".repeat(43), fullName: "New Person", password: "copper kettle hums beside nine quiet lanterns" })),
  signOutForJoinAction: (fn) => (fn as unknown as (f: FormData) => Promise<unknown>)(fd({ token: "A".repeat(43) })),
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

  // Issue 20: the certificate downloads are route handlers, not actions: the issuer's staff on the Partners
  // route and the owning reseller's users on the Reseller Portal route; 404 for every other role and route.
  it("certificate downloads: 200 for the issuer's staff and the owner's users, 404 for everybody else", async () => {
    const c = await activeForResellerA(world);
    const [{ code }] = rowsOf<{ code: string }>(
      await (await db()).execute(sql`select certificate_code as code from contract_versions where contract_id = ${c.id}`),
    );
    type Handler = { GET: (r: Request, ctx: { params: Promise<{ publicId: string; file: string }> }) => Promise<Response> };
    const routes: Record<"issuer" | "owner", Handler> = {
      issuer: await import("@/app/(portal)/partners/contracts/[publicId]/certificates/[file]/route"),
      owner: await import("@/app/(portal)/reseller/contracts/[publicId]/certificates/[file]/route"),
    };
    // A Read-only member of the issuer sees what its staff see, downloads included.
    const allowed: Record<"issuer" | "owner", Role[]> = { issuer: ["staffA", "readonlyA"], owner: ["resellerA"] };
    for (const [side, route] of Object.entries(routes) as ["issuer" | "owner", Handler][]) {
      for (const role of ROLES) {
        for (const file of [`${code}.json`, `${code}.pdf`]) {
          actAs(role === "anonymous" ? null : world[role]);
          const res = await route.GET(new Request("http://localhost/x"), { params: Promise.resolve({ publicId: c.publicId, file }) });
          expect(res.status, `${side} ${file} as ${role}`).toBe(allowed[side].includes(role) ? 200 : 404);
          if (res.status === 404) expect(await res.text()).toBe("Not found");
        }
      }
    }
    // A code of another contract, under this contract's ID, is not found even for its own issuer.
    const other = await activeForResellerA(world);
    actAs(world.staffA);
    const res = await routes.issuer.GET(new Request("http://localhost/x"), {
      params: Promise.resolve({ publicId: other.publicId, file: `${code}.json` }),
    });
    expect(res.status).toBe(404);
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
