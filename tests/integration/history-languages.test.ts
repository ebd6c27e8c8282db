import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { HistoryTab } from "@/components/contracts/details/history-tab";
import { describeHistoryEntry } from "@/components/contracts/details/history-words";
import type { HistoryEntry } from "@/lib/contracts/list-contract-history";
import { request, resetRequest } from "../support/next";

// Issue 24: History is worded in the viewer's language, dates included; English stays as it was.

const at = new Date("2027-03-01T10:00:00Z");
const entries: HistoryEntry[] = [
  {
    source: "event",
    at,
    type: "contract.created",
    userName: "Ada",
    data: { agreement: "A", version: 1, kind: "test", endsAt: "2027-12-31T23:59:59Z" },
  },
  { source: "event", at, type: "contract.rejected", userName: null, data: { reason: "Zu teuer" } },
  {
    source: "event",
    at,
    type: "contract.permissions_narrowed",
    userName: "Ada",
    data: { before: {}, after: { program: true, delegate: false } },
  },
  { source: "mail", at, kind: "invitation", to: "lea@example.test", status: "sent", lastError: null },
  { source: "mail", at, kind: "something_new", to: "x@example.test", status: "failed", lastError: "550 no such user" },
];

afterEach(() => resetRequest());

describe("History in the viewer's language", () => {
  it("words events and mail rows in German, with German dates", () => {
    expect(entries.map((e) => describeHistoryEntry(e, "de"))).toEqual([
      "Vertrag erstellt, endet am 31.12.2027",
      "Vertrag abgelehnt. Grund: Zu teuer",
      "Berechtigungen eingeschränkt auf: Programm",
      "Einladungs-E-Mail zugestellt an lea@example.test",
      "E-Mail an x@example.test konnte nicht zugestellt werden: 550 no such user",
    ]);
  });

  it("keeps English exactly as it was (no language, or an index from Array.map)", () => {
    expect(entries.map(describeHistoryEntry)).toEqual([
      "Contract created, ending on Dec 31, 2027",
      "Contract rejected. Reason: Zu teuer",
      "Permissions narrowed to: Program",
      "Invitation email delivered to lea@example.test",
      "Email to x@example.test could not be delivered: 550 no such user",
    ]);
  });

  it("renders the History tab in the request's language", () => {
    request.headers.set("accept-language", "de-DE,de;q=0.9");
    const html = renderToStaticMarkup(
      createElement(HistoryTab, { entries, chain: { subjectId: null, subjectPublicId: null, events: 3, broken: null } }),
    );
    expect(html).toContain("Verlauf geprüft: 3 Ereignisse, Kette intakt.");
    expect(html).toContain("Vertrag abgelehnt. Grund: Zu teuer");
    expect(html).toContain("Der Partner · ");
    expect(html).toContain("E-Mail · ");
    resetRequest();
    const en = renderToStaticMarkup(createElement(HistoryTab, { entries: [], chain: null }));
    expect(en).toContain("No history yet");
  });
});
