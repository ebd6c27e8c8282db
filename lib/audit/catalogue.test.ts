import { describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import { recordAgreementEvent } from "@/lib/agreements/access";
import type { Viewer } from "@/lib/accounts/viewer";
import { isContractEvent, readAuditEvent } from "./catalogue";
import { recordEvent, type Actor } from "./record-event";

const subject = { subjectId: "00000000-0000-4000-8000-000000000000", subjectPublicId: "CRS-000-000-000" };

// Never called: `npm run typecheck` fails if any of these calls stops being refused, which is what
// keeps the writers and History on the one catalogue.
export function refusedByTheCompiler(db: DbOrTx, actor: Actor, viewer: Viewer) {
  // @ts-expect-error an event type the catalogue does not list
  void recordEvent(db, actor, { type: "contract.exploded", ...subject });
  // @ts-expect-error another event type's data
  void recordEvent(db, actor, { type: "contract.terminated", ...subject, data: { to: "a@example.test" } });
  // @ts-expect-error data left out where the type carries some
  void recordEvent(db, actor, { type: "contract.rejected", ...subject });
  // @ts-expect-error a subject that is not the type's
  void recordEvent(db, actor, { type: "contract.deleted", subjectType: "agreement", ...subject });
  // @ts-expect-error an agreement event with a contract event's data
  void recordAgreementEvent(db as never, viewer, { id: "", publicId: "" }, "version_added", { reason: "x" });
}

describe("the audit catalogue", () => {
  it("reads back the types it lists, and nothing else (an older build's type, a prototype key)", () => {
    expect(readAuditEvent({ type: "contract.terminated", data: { reason: "Ended" } })).toEqual({
      type: "contract.terminated",
      data: { reason: "Ended" },
    });
    expect(readAuditEvent({ type: "agreement.version_added", data: { version: 2 } })?.type).toBe("agreement.version_added");
    for (const type of ["contract.something_new", "toString", "__proto__", "constructor", ""])
      expect(readAuditEvent({ type, data: {} }), type).toBeNull();
  });

  it("tells contract events from the others", () => {
    expect(isContractEvent(readAuditEvent({ type: "contract.deleted", data: {} }))).toBe(true);
    expect(isContractEvent(readAuditEvent({ type: "user.signed_out_everywhere", data: {} }))).toBe(false);
    expect(isContractEvent(null)).toBe(false);
  });
});
