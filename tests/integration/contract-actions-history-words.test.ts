import { describe, expect, it } from "vitest";
import { describeHistoryEntry } from "@/components/contracts/details/history-words";

const at = new Date("2026-01-02T03:04:05Z");
const event = (type: string, data: Record<string, unknown> = {}) =>
  describeHistoryEntry({ source: "event", at, type, userName: "Nora", data });

describe("history in words", () => {
  it("says what happened, with the reason where there is one", () => {
    expect(event("contract.rejected", { reason: "Wrong company" })).toBe("Contract rejected. Reason: Wrong company");
    expect(event("contract.terminated", { reason: "Ended" })).toBe("Contract terminated. Reason: Ended");
    expect(event("contract.link_emailed", { to: "a@example.test" })).toBe("Activation link emailed to a@example.test");
    expect(event("contract.version_signed", { version: 2 })).toBe("Agreement version 2 signed");
    expect(event("contract.something_new")).toBe("Something new");
  });

  it("shows a failed delivery with its error", () => {
    expect(
      describeHistoryEntry({
        source: "mail",
        at,
        kind: "invitation",
        to: "a@example.test",
        status: "failed",
        lastError: "550 no such user",
      }),
    ).toBe("Invitation email to a@example.test could not be delivered: 550 no such user");
    expect(describeHistoryEntry({ source: "mail", at, kind: "invitation", to: "a@example.test", status: "sent", lastError: null })).toBe(
      "Invitation email delivered to a@example.test",
    );
  });
});
