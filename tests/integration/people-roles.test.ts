import { beforeAll, describe, expect, it } from "vitest";
import {
  changeRoleAction,
  inviteUserAction,
  removeUserAction,
  resendInvitationAction,
  revokeInvitationAction,
} from "@/app/(portal)/settings/users/actions";
import { fingerprint } from "../support/actions";
import { actAs, makeAccount, makeMember } from "../support/factories";
import { freshEmail, invite } from "../support/people";

// Issue 17: the Users actions × the four roles of ONE account, through the real server actions
// (defineAction refuses Read-only first; the domain refuses Members). Refusals write nothing.

type Who = Awaited<ReturnType<typeof makeAccount>>;
type Role = "owner" | "admin" | "member" | "readonly";
let people: Record<Role, Who>;

beforeAll(async () => {
  const owner = await makeAccount({ name: "Roles Matrix Inc." });
  people = {
    owner,
    admin: await makeMember(owner, "admin"),
    member: await makeMember(owner, "member"),
    readonly: await makeMember(owner, "readonly"),
  };
});

type Call = (input: unknown) => Promise<unknown>;
const rows: Record<string, { action: Call; input: () => Promise<unknown>; allowed: Role[] }> = {
  invite: { action: inviteUserAction, input: async () => ({ email: freshEmail("roles"), role: "member" }), allowed: ["owner", "admin"] },
  inviteOwner: { action: inviteUserAction, input: async () => ({ email: freshEmail("roles"), role: "owner" }), allowed: ["owner"] },
  resend: {
    action: resendInvitationAction,
    input: async () => ({ invitationId: (await invite(people.owner)).invitationId }),
    allowed: ["owner", "admin"],
  },
  resendOwnerInvitation: {
    action: resendInvitationAction,
    input: async () => ({ invitationId: (await invite(people.owner, "owner")).invitationId }),
    allowed: ["owner"],
  },
  revoke: {
    action: revokeInvitationAction,
    input: async () => ({ invitationId: (await invite(people.owner)).invitationId }),
    allowed: ["owner", "admin"],
  },
  changeRole: {
    action: changeRoleAction,
    input: async () => ({ userId: (await makeMember(people.owner, "member")).user.publicId, role: "readonly" }),
    allowed: ["owner", "admin"],
  },
  makeOwner: {
    action: changeRoleAction,
    input: async () => ({ userId: (await makeMember(people.owner, "member")).user.publicId, role: "owner" }),
    allowed: ["owner"],
  },
  remove: {
    action: removeUserAction,
    input: async () => ({ userId: (await makeMember(people.owner, "member")).user.publicId }),
    allowed: ["owner", "admin"],
  },
  removeOwner: {
    action: removeUserAction,
    input: async () => ({ userId: (await makeMember(people.owner, "owner")).user.publicId }),
    allowed: ["owner"],
  },
};

describe("Settings → Users by role", () => {
  for (const [name, row] of Object.entries(rows)) {
    it(`${name}: allowed for ${row.allowed.join(", ")}; refused with zero writes for the others`, async () => {
      for (const role of ["owner", "admin", "member", "readonly"] as Role[]) {
        const input = await row.input();
        actAs(people[role]);
        const before = await fingerprint();
        const result = (await row.action(input)) as { ok: boolean; error?: string };
        expect(result.ok, `${name} as ${role}: ${JSON.stringify(result)}`).toBe(row.allowed.includes(role));
        if (!result.ok) {
          expect(result.error?.trim().length).toBeGreaterThan(0);
          expect(await fingerprint(), `${name} as ${role} wrote something while refusing`).toBe(before);
        }
      }
    });
  }
});
