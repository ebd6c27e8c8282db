import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { editNoteAction } from "@/app/(portal)/partners/contracts/[publicId]/actions";
import { signVersionAction } from "@/app/(portal)/reseller/actions";
import { contracts } from "@/db/schema";
import { anyViewer, defineAction, defineFormAction } from "@/lib/actions/define-action";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { actAs, db, makeAccount, makeAgreement, makeContract } from "../support/factories";
import { RedirectSignal, request } from "../support/next";

// lib/actions/define-action.ts: the one way a server action is written. Each step is observed from the
// outside: what the caller gets back, and whether the domain call and the after-commit work happened.

type Who = Awaited<ReturnType<typeof makeAccount>>;
let staff: Who;
const schema = z.object({ name: z.string({ error: "Enter a name." }).trim().min(1, "Enter a name.") });

/** A spec that records what ran, so each refusal can be shown to stop before the domain call. */
function probe(over: { authorize?: (v: Who["viewer"]) => void; redirect?: boolean; fail?: unknown } = {}) {
  const calls: string[] = [];
  const spec = {
    input: schema,
    authorize: over.authorize ?? anyViewer,
    run: async (_db: unknown, viewer: Who["viewer"], input: { name: string }) => {
      calls.push(`run ${input.name} for ${viewer.accountPublicId}`);
      if (over.fail) throw over.fail;
      return { greeting: `Hello ${input.name}` };
    },
    after: (r: { greeting: string }) => void calls.push(`after ${r.greeting}`),
  };
  const action = over.redirect
    ? defineAction({ ...spec, redirectTo: (r) => `/done?${encodeURIComponent(r.greeting)}` })
    : defineAction(spec);
  return { action, calls };
}

beforeAll(async () => {
  staff = await makeAccount({ name: "Define Action Inc." });
});

describe("defineAction", () => {
  it("runs the domain call with the parsed input, then the after-commit work, and answers ok", async () => {
    const { action, calls } = probe();
    actAs(staff);
    expect(await action({ name: "  Ada  ", extra: "dropped" })).toEqual({ ok: true, data: { greeting: "Hello Ada" } });
    expect(calls).toEqual([`run Ada for ${staff.account.publicId}`, "after Hello Ada"]);
  });

  it("refuses a foreign Origin and a missing session before anything else, with nothing run", async () => {
    const { action, calls } = probe();
    actAs(staff);
    request.headers.set("origin", "https://evil.example");
    expect(await action({ name: "Ada" })).toEqual({
      ok: false,
      error: "This request came from another site and was refused.",
      fieldErrors: undefined,
    });
    actAs(null);
    expect(await action({ name: "" })).toEqual({ ok: false, error: "Please sign in to continue.", fieldErrors: undefined });
    expect(calls).toEqual([]);
  });

  it("asks who may call it before reading the input: a caller without the permission learns nothing about it", async () => {
    const { action, calls } = probe({
      authorize: () => {
        throw new AppError("forbidden", "Not for you.");
      },
    });
    actAs(staff);
    expect(await action({ name: "" })).toEqual({ ok: false, error: "Not for you.", fieldErrors: undefined });
    expect(calls).toEqual([]);
  });

  it("names each invalid field; a posted form and a crafted non-object read as forms", async () => {
    const { action, calls } = probe();
    actAs(staff);
    const expected = { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { name: "Enter a name." } };
    for (const input of [{ name: " " }, null, "a string", [1, 2], 42]) expect(await action(input)).toEqual(expected);
    const posted = new FormData();
    posted.set("name", "Grace");
    expect(await action(posted)).toMatchObject({ ok: true, data: { greeting: "Hello Grace" } });
    expect(calls).toEqual([`run Grace for ${staff.account.publicId}`, "after Hello Grace"]);
  });

  it("maps a domain refusal to its message and hides anything else; the after-commit work does not run", async () => {
    actAs(staff);
    const refused = probe({ fail: new AppError("conflict", "Already there.", { name: "Taken." }) });
    expect(await refused.action({ name: "Ada" })).toEqual({ ok: false, error: "Already there.", fieldErrors: { name: "Taken." } });
    const broken = probe({ fail: new Error("relation does not exist") });
    const logged = vi.spyOn(log, "error");
    expect(await broken.action({ name: "Ada" })).toEqual({
      ok: false,
      error: "Something went wrong on our side. Nothing was changed; please try again.",
    });
    expect(logged).toHaveBeenCalledWith("server action failed", expect.objectContaining({ message: "relation does not exist" }));
    logged.mockRestore();
    expect([...refused.calls, ...broken.calls].filter((c) => c.startsWith("after"))).toEqual([]);
  });

  it("redirects only after success, outside its own error handling", async () => {
    const { action, calls } = probe({ redirect: true });
    actAs(staff);
    expect(await action({ name: "" })).toMatchObject({ ok: false });
    await expect(action({ name: "Ada" })).rejects.toEqual(new RedirectSignal("/done?Hello%20Ada"));
    expect(calls).toEqual([`run Ada for ${staff.account.publicId}`, "after Hello Ada"]);
  });

  it("defineFormAction takes useActionState's (previous state, FormData) and ignores the previous state", async () => {
    const action = defineFormAction({ input: schema, authorize: anyViewer, run: async (_db, _viewer, input) => input.name });
    actAs(staff);
    const posted = new FormData();
    posted.set("name", "Lin");
    expect(await action({ ok: false, error: "old" }, posted)).toEqual({ ok: true, data: "Lin" });
  });
});

describe("the portal's actions through defineAction", () => {
  it("a crafted non-object gets the same field messages as an empty form, and nothing changes", async () => {
    const agreementId = (await makeAgreement(staff)).agreement.publicId;
    const { publicId } = await makeContract(staff, agreementId);
    actAs(staff);
    const empty = await editNoteAction({});
    expect(empty).toMatchObject({ ok: false, fieldErrors: { publicId: "Not found.", noteToSignee: "Leave a note to signee." } });
    for (const crafted of [null, "note", 7]) expect(await editNoteAction(crafted)).toEqual(empty);
    const [row] = await (await db()).select().from(contracts).where(eq(contracts.publicId, publicId));
    expect(row.noteToSignee).toBe("Welcome aboard.");
  });

  it("the Sign form asks for the acceptance box in plain words", async () => {
    actAs(staff);
    const posted = new FormData();
    posted.set("contractPublicId", "CRS-00000-00000-00000");
    posted.set("agreementVersionId", crypto.randomUUID());
    posted.set("fromVersionId", crypto.randomUUID());
    expect(await signVersionAction(null, posted)).toEqual({
      ok: false,
      error: "Please confirm you have read and accepted the agreement.",
      fieldErrors: { accepted: "Check this box to sign the new version." },
    });
  });
});
