import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultExpiryDate } from "@/lib/contracts/schemas";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clock } from "@/lib/security/backoff";
import { CLIENT_IP_HEADER } from "@/lib/client-ip.mjs";
import { discoverActions, fingerprint, type Fn } from "../support/actions";
import { eq } from "drizzle-orm";
import { webhookDeliveries } from "@/db/schema";
import { createApiKey } from "@/lib/api/api-keys";
import { createWebhookEndpoint, sendTestEvent } from "@/lib/webhooks/endpoints";
import { actAs, db, makeAccount, makeActiveContract, makeAgreement, makeContract, makeMember, tokenOf } from "../support/factories";
import { hostileString, hostileValue } from "../support/hostile";
import { freshEmail, invite } from "../support/people";
import { RedirectSignal, request } from "../support/next";

// SECURITY.md (bad input): every server action, called as its rightful user with hostile arguments of
// every shape, answers with an AppError-backed refusal that names the field (or succeeds), never with an
// unexpected exception or the generic "something went wrong", and writes nothing when it refuses.

type Who = Awaited<ReturnType<typeof makeAccount>>;
type World = { staff: Who; reseller: Who; agreement: string };
type Spec = {
  as: "staff" | "reseller" | "anonymous";
  /** Valid arguments; `fields` of argument `at` are then made hostile one by one or together. */
  args: (w: World) => Promise<unknown[]>;
  at?: number;
  fields?: string[];
  formData?: boolean;
};

const future = defaultExpiryDate();
const GENERIC = "Something went wrong on our side";
const CORRECT = "Please correct the highlighted fields.";
const pendingToken = async (w: World) => tokenOf((await makeContract(w.staff, w.agreement)).activationLink);
const endpointOf = async (w: World) =>
  (await createWebhookEndpoint(await db(), w.staff.viewer, { url: "https://93.184.216.34/hooks", eventTypes: ["contract.created"] })).id;
const pendingId = async (w: World) => (await makeContract(w.staff, w.agreement)).publicId;
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const activeId = async (w: World, overrides: Parameters<typeof makeContract>[2] = {}) =>
  (await makeActiveContract(await makeContract(w.staff, w.agreement, overrides))).contract.publicId;
const contractFields = [
  "agreementId",
  "kind",
  "noteToSignee",
  "internalNote",
  "linkExpiresOn",
  "signeeEmail",
  "program",
  "delegate",
  "creationKey",
  "endsOn",
  "sendReminders",
];

const specs: Record<string, Spec> = {
  createAgreementAction: {
    as: "staff",
    args: async () => [{ type: "service", name: "A", description: "d", content: "terms", activate: true }],
    fields: ["type", "name", "description", "content", "activate"],
  },
  addAgreementVersionAction: {
    as: "staff",
    args: async (w) => [{ agreementId: w.agreement, content: "v", activate: false }],
    fields: ["agreementId", "content", "activate"],
  },
  publishAgreementVersionAction: {
    as: "staff",
    args: async (w) => [{ agreementId: w.agreement, number: 1 }],
    fields: ["agreementId", "number"],
  },
  deleteAgreementVersionAction: {
    as: "staff",
    args: async (w) => [{ agreementId: w.agreement, number: 99 }],
    fields: ["agreementId", "number"],
  },
  createContractAction: {
    as: "staff",
    args: async (w) => [
      { agreementId: w.agreement, kind: "test", noteToSignee: "Hi", linkExpiresOn: future, program: false, delegate: false },
    ],
    fields: contractFields,
  },
  searchWizardAgreementsAction: { as: "staff", args: async () => [""] },
  previewWizardAgreementAction: { as: "staff", args: async (w) => [{ agreementId: w.agreement }], fields: ["agreementId"] },
  editNoteAction: {
    as: "staff",
    args: async (w) => [{ publicId: await pendingId(w), noteToSignee: "n" }],
    fields: ["publicId", "noteToSignee"],
  },
  regenerateLinkAction: {
    as: "staff",
    args: async (w) => [{ publicId: await pendingId(w), linkExpiresOn: future }],
    fields: ["publicId", "linkExpiresOn"],
  },
  emailLinkAction: {
    as: "staff",
    args: async (w) => [{ publicId: await pendingId(w), signeeEmail: "s@example.test" }],
    fields: ["publicId", "signeeEmail"],
  },
  deleteContractAction: { as: "staff", args: async (w) => [{ publicId: await pendingId(w) }], fields: ["publicId"] },
  // Issue 18
  extendExpiryAction: {
    as: "staff",
    args: async (w) => {
      const c = await makeContract(w.staff, w.agreement);
      const { getDb } = await import("@/db/client");
      const { contracts } = await import("@/db/schema");
      const { eq } = await import("drizzle-orm");
      const [row] = await (await getDb()).select().from(contracts).where(eq(contracts.publicId, c.publicId));
      const later = defaultExpiryDate(new Date(Date.now() + 60 * 86_400_000));
      return [{ publicId: c.publicId, linkExpiresOn: later, currentExpiresAt: row.linkExpiresAt.toISOString() }];
    },
    fields: ["publicId", "linkExpiresOn", "currentExpiresAt"],
  },
  saveReminderPolicyAction: {
    as: "staff",
    args: async () => [{ enabled: true, firstAfterDays: 3, everyDays: 4, maxReminders: 3 }],
    fields: ["enabled", "firstAfterDays", "everyDays", "maxReminders"],
  },
  previewBulkInviteAction: {
    as: "staff",
    args: async (w) => [{ csv: "email,note,kind\nh@example.test,Hi,test", agreementId: w.agreement, linkExpiresOn: future }],
    fields: ["csv", "agreementId", "linkExpiresOn", "sendReminders"],
  },
  runBulkInviteBatchAction: {
    as: "staff",
    args: async (w) => {
      const csv = `email,note,kind\nh-${Math.random().toString(36).slice(2)}@example.test,Hi,test`;
      const { createHash } = await import("node:crypto");
      return [
        {
          csv,
          agreementId: w.agreement,
          linkExpiresOn: future,
          fileHash: createHash("sha256").update(csv).digest("hex"),
          from: 0,
          count: 1,
        },
      ];
    },
    fields: ["csv", "agreementId", "linkExpiresOn", "fileHash", "from", "count", "sendReminders"],
  },
  terminateContractAction: {
    as: "staff",
    args: async (w) => [{ publicId: (await makeActiveContract(await makeContract(w.staff, w.agreement))).contract.publicId, reason: "r" }],
    fields: ["publicId", "reason"],
  },
  // Issue 21: contract terms over time
  extendContractAction: {
    as: "staff",
    args: async (w) => [{ publicId: await activeId(w, { endsOn: dayAhead(60) }), endsOn: dayAhead(90) }],
    fields: ["publicId", "endsOn"],
  },
  changePermissionsAction: {
    as: "staff",
    args: async (w) => [{ publicId: await activeId(w, { program: true }), program: false, delegate: false }],
    fields: ["publicId", "program", "delegate"],
  },
  withdrawProposalAction: {
    as: "staff",
    args: async (w) => [{ publicId: await activeId(w), kind: "permissions" }],
    fields: ["publicId", "kind"],
  },
  promoteContractAction: { as: "staff", args: async (w) => [{ publicId: await activeId(w, { kind: "test" }) }], fields: ["publicId"] },
  acceptProposalAction: {
    as: "reseller",
    args: async () => [{}, { contractPublicId: "CRS-00000-00000-00000", proposalId: crypto.randomUUID(), accepted: "on" }],
    at: 1,
    formData: true,
    fields: ["contractPublicId", "proposalId", "accepted"],
  },
  createPartnerAction: {
    as: "staff",
    args: async (w) => [
      {
        type: "reseller",
        companyName: "P LLC",
        contactEmail: "p@example.test",
        agreementMode: "existing",
        agreementId: w.agreement,
        kind: "test",
        noteToSignee: "Hi",
        linkExpiresOn: future,
        program: false,
        delegate: false,
      },
    ],
    fields: [
      "type",
      "companyName",
      "contactEmail",
      "agreementMode",
      "agreementId",
      "agreementName",
      "agreementDescription",
      "agreementContent",
      ...contractFields,
    ],
  },
  signVersionAction: {
    as: "reseller",
    args: async () => [
      {},
      {
        contractPublicId: "CRS-00000-00000-00000",
        agreementVersionId: crypto.randomUUID(),
        fromVersionId: crypto.randomUUID(),
        accepted: "on",
      },
    ],
    at: 1,
    formData: true,
    fields: ["contractPublicId", "agreementVersionId", "fromVersionId", "accepted"],
  },
  switchAccountAction: {
    as: "staff",
    args: async (w) => [{ account: w.staff.account.publicId }],
    at: 0,
    formData: true,
    fields: ["account"],
  },
  signInAction: {
    as: "anonymous",
    args: async () => [{}, { email: "nobody@example.test", password: "pw", callbackUrl: "/partners" }],
    at: 1,
    formData: true,
    fields: ["email", "password", "callbackUrl", "step", "ticket", "code"],
  },
  // Issue 17: password reset (public), Your profile, Branding; the account policy last (it would gate the rest).
  requestPasswordResetAction: {
    as: "anonymous",
    args: async () => [null, { email: "nobody@example.test" }],
    at: 1,
    formData: true,
    fields: ["email"],
  },
  resetPasswordAction: {
    as: "anonymous",
    args: async () => [null, { token: "A".repeat(43), password: "velvet harbour lanterns drift past nine" }],
    at: 1,
    formData: true,
    fields: ["token", "password"],
  },
  changePasswordAction: {
    as: "staff",
    args: async () => [{ currentPassword: "not the password at all", newPassword: "velvet harbour lanterns drift past nine" }],
    fields: ["currentPassword", "newPassword"],
  },
  startTwoFactorAction: { as: "staff", args: async () => [{}] },
  cancelTwoFactorAction: { as: "staff", args: async () => [{}] },
  confirmTwoFactorAction: { as: "staff", args: async () => [{ code: "123456" }], fields: ["code"] },
  disableTwoFactorAction: { as: "staff", args: async () => [{ code: "123456", password: "" }], fields: ["code", "password"] },
  updateBrandingAction: {
    as: "staff",
    args: async () => [{ accentColor: "#0a7d48", logo: "" }],
    fields: ["accentColor", "logo"],
  },
  removeLogoAction: { as: "staff", args: async () => [{}] },
  reviewStepAction: {
    as: "anonymous",
    args: async (w) => [null, { token: await pendingToken(w), email: "a@example.test", accepted: "on" }],
    at: 1,
    formData: true,
    fields: ["token", "email", "accepted"],
  },
  userStepAction: {
    as: "anonymous",
    args: async (w) => [null, { token: await pendingToken(w), fullName: "A", password: "pw" }],
    at: 1,
    formData: true,
    fields: ["token", "fullName", "password"],
  },
  companyStepAction: {
    as: "anonymous",
    args: async (w) => [null, { token: await pendingToken(w), companyChoice: "new", companyName: "N LLC" }],
    at: 1,
    formData: true,
    fields: ["token", "companyChoice", "companyName"],
  },
  activateAction: {
    as: "anonymous",
    args: async (w) => [null, { token: await pendingToken(w) }],
    at: 1,
    formData: true,
    fields: ["token"],
  },
  rejectAction: {
    as: "anonymous",
    args: async (w) => [null, { token: await pendingToken(w), reason: "no thanks, wrong company" }],
    at: 1,
    formData: true,
    fields: ["token", "reason"],
  },
  // The public Verify page (issue 20): a hostile value for its file field is refused with a message, nothing stored.
  verifyEvidenceAction: {
    as: "anonymous",
    args: async () => [null, { file: "not a file" }],
    at: 1,
    formData: true,
    fields: ["file"],
  },
  signOutForActivationAction: {
    as: "anonymous",
    args: async (w) => [{ token: await pendingToken(w) }],
    at: 0,
    formData: true,
    fields: ["token"],
  },
  // Settings → Users and the /join page (issue 17)
  inviteUserAction: { as: "staff", args: async () => [{ email: freshEmail("hostile"), role: "member" }], fields: ["email", "role"] },
  resendInvitationAction: {
    as: "staff",
    args: async (w) => [{ invitationId: (await invite(w.staff)).invitationId }],
    fields: ["invitationId"],
  },
  revokeInvitationAction: {
    as: "staff",
    args: async (w) => [{ invitationId: (await invite(w.staff)).invitationId }],
    fields: ["invitationId"],
  },
  changeRoleAction: {
    as: "staff",
    args: async (w) => [{ userId: (await makeMember(w.staff, "member")).user.publicId, role: "readonly" }],
    fields: ["userId", "role"],
  },
  removeUserAction: {
    as: "staff",
    args: async (w) => [{ userId: (await makeMember(w.staff, "member")).user.publicId }],
    fields: ["userId"],
  },
  joinNewUserAction: {
    as: "anonymous",
    args: async (w) => [null, { token: (await invite(w.staff)).token, fullName: "New Colleague", password: "pw" }],
    at: 1,
    formData: true,
    fields: ["token", "fullName", "password"],
  },
  joinAsViewerAction: {
    as: "staff",
    args: async (w) => [null, { token: (await invite(w.staff)).token }],
    at: 1,
    formData: true,
    fields: ["token"],
  },
  signOutForJoinAction: {
    as: "anonymous",
    args: async (w) => [{ token: (await invite(w.staff)).token }],
    at: 0,
    formData: true,
    fields: ["token"],
  },
  // Settings → API keys and Webhooks (issue 19)
  createApiKeyAction: { as: "staff", args: async () => [{ name: "Hostile key", scope: "read" }], fields: ["name", "scope"] },
  revokeApiKeyAction: {
    as: "staff",
    args: async (w) => [{ id: (await createApiKey(await db(), w.staff.viewer, { name: "Hostile key", scope: "write" })).id }],
    fields: ["id"],
  },
  createWebhookEndpointAction: {
    as: "staff",
    args: async () => [{ url: "https://93.184.216.34/hooks", eventTypes: ["contract.created"] }],
    fields: ["url", "eventTypes"],
  },
  deleteWebhookEndpointAction: { as: "staff", args: async (w) => [{ endpointId: await endpointOf(w) }], fields: ["endpointId"] },
  enableWebhookEndpointAction: { as: "staff", args: async (w) => [{ endpointId: await endpointOf(w) }], fields: ["endpointId"] },
  sendTestWebhookAction: { as: "staff", args: async (w) => [{ endpointId: await endpointOf(w) }], fields: ["endpointId"] },
  redeliverWebhookAction: {
    as: "staff",
    args: async (w) => {
      const endpointId = await endpointOf(w);
      await sendTestEvent(await db(), w.staff.viewer, { endpointId });
      const [d] = await (await db()).select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
      return [{ deliveryId: d.id }];
    },
    fields: ["deliveryId"],
  },
  setRequireTwoFactorAction: { as: "staff", args: async () => [{ require: false }], fields: ["require"] },
};
/** Take no input at all: nothing hostile can be passed in. */
const NO_INPUT = ["signOutAction", "signOutEverywhereAction"];

/** A form carries text only: what a browser would send for the value (an object whose toString is not a function too). */
const asFormText = (v: unknown): string => {
  try {
    return String(v);
  } catch {
    return JSON.stringify(v) ?? "";
  }
};

const toFormData = (o: Record<string, unknown>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, asFormText(v));
  return f;
};

/** Hostile calls: one argument replaced by anything, or some fields of the input made hostile. */
function hostileArgs(spec: Spec, base: unknown[]): fc.Arbitrary<unknown[]> {
  const whole = fc.tuple(fc.nat({ max: base.length - 1 }), hostileValue).map(([i, v]) => base.map((a, j) => (i === j ? v : a)));
  if (!spec.fields) return whole;
  const at = spec.at ?? 0;
  const fields = fc.dictionary(fc.constantFrom(...spec.fields), spec.formData ? hostileString : hostileValue, { minKeys: 1, maxKeys: 3 });
  const partly = fields.map((f) => base.map((a, j) => (j === at ? { ...(a as object), ...f } : a)));
  return fc.oneof({ arbitrary: partly, weight: 3 }, { arbitrary: whole, weight: 1 });
}

let world: World;
let actions: Map<string, Fn>;
let ip = 0;

beforeAll(async () => {
  actions = await discoverActions();
  const staff = await makeAccount({ name: "Hostile Distributor Inc." });
  const agreement = (await makeAgreement(staff, { versions: 1 })).agreement.publicId;
  const reseller = (await makeActiveContract(await makeContract(staff, agreement))).reseller;
  world = { staff, reseller, agreement };
});
afterEach(() => vi.restoreAllMocks());

describe("every server action under hostile input", () => {
  it("has a hostile-input row for every exported server action", () => {
    const missing = [...actions.keys()].filter((n) => !(n in specs) && !NO_INPUT.includes(n));
    expect(missing, `actions without a hostile-input row: ${missing.join(", ")}`).toEqual([]);
  });

  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: a message for every refusal, nothing stored, never an unexpected error`, async () => {
      const fn = actions.get(name)! as (...a: unknown[]) => Promise<unknown>;
      const logged = vi.spyOn(log, "error");
      // The sign-in back-off would really wait once the base email has failed five times (it is tested in auth.test.ts).
      vi.spyOn(clock, "wait").mockResolvedValue(undefined);
      let base = await spec.args(world);
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(hostileArgs(spec, base), async (args) => {
          // Fresh activation links now and then, so the per-link limit does not answer every run.
          if (++runs % 15 === 0 && spec.as === "anonymous") base = await spec.args(world);
          logged.mockClear();
          actAs(spec.as === "anonymous" ? null : world[spec.as]);
          request.headers.set(CLIENT_IP_HEADER, `198.51.100.${++ip % 250}`);
          const call = spec.formData
            ? args.map((a, j) =>
                j === (spec.at ?? 0) && a && typeof a === "object" && !Array.isArray(a) && !(a instanceof Date)
                  ? toFormData(a as Record<string, unknown>)
                  : a,
              )
            : args;
          const before = await fingerprint();
          let result: unknown;
          try {
            result = await fn(...call);
          } catch (e) {
            expect(isAppError(e) || e instanceof RedirectSignal, `${name} threw ${String(e)}`).toBe(true);
            if (e instanceof RedirectSignal) expect(e.url).toMatch(/^\/(?![/\\])/); // on-site only
            return;
          }
          expect(
            logged,
            `${name} hit an unexpected error: ${JSON.stringify((logged.mock.calls[0]?.[1] as Error | undefined)?.message ?? logged.mock.calls[0])}`,
          ).not.toHaveBeenCalled();
          const r = (result ?? {}) as { ok?: boolean; error?: string; fieldErrors?: Record<string, string> };
          if (r.ok || r.error === undefined) return;
          expect(r.error.trim().length).toBeGreaterThan(0);
          expect(r.error).not.toContain(GENERIC);
          if (r.error === CORRECT)
            expect(Object.keys(r.fieldErrors ?? {}).length, `${name}: no field named in ${JSON.stringify(r)}`).toBeGreaterThan(0);
          for (const m of Object.values(r.fieldErrors ?? {})) expect(m.trim().length).toBeGreaterThan(0);
          expect(await fingerprint(), `${name} stored something while refusing ${JSON.stringify(r)}`).toBe(before);
        }),
        { numRuns: 30 },
      );
    });
  }
});
