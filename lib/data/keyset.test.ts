import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, keysetPage, type Cursor } from "./keyset";

const id = "0b6c1c8e-5d0e-4f7a-9a51-2d7f4c3e9a10";
const raw = (text: string) => Buffer.from(text).toString("base64url");

describe("keyset cursors", () => {
  it("round-trips a cursor, microseconds included", () => {
    const c: Cursor = { dir: "prev", t: "2026-02-28T23:59:59.123456Z", id };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor(encodeCursor({ ...c, t: "2028-02-29T00:00:00.000000Z" }))?.t).toBe("2028-02-29T00:00:00.000000Z");
  });

  it("is no cursor (the first page) when missing, malformed or not a real instant", () => {
    for (const text of [
      "",
      "not base64 at all",
      raw(`sideways|2026-01-01T00:00:00.000000Z|${id}`),
      raw(`next|2026-13-01T00:00:00.000000Z|${id}`),
      raw(`next|2026-02-29T00:00:00.000000Z|${id}`),
      raw(`next|2026-04-31T00:00:00.000000Z|${id}`),
      raw(`next|2026-01-01T24:00:00.000000Z|${id}`),
      raw(`next|2026-01-01T23:59:60.000000Z|${id}`),
      raw(`next|0000-01-01T00:00:00.000000Z|${id}`),
      raw(`next|2026-01-01T00:00:00Z|${id}`),
      raw("next|2026-01-01T00:00:00.000000Z|1; drop table contracts"),
    ]) {
      expect(decodeCursor(text), text).toBeNull();
    }
    expect(decodeCursor(undefined)).toBeNull();
  });
});

describe("keysetPage", () => {
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ t: `2026-01-01T00:00:${String(59 - i).padStart(2, "0")}.000000Z`, id }));

  it("offers Next only when the query found more than a page, and Previous only after a cursor", () => {
    const first = keysetPage(rows(4), 3, null);
    expect(first.page).toHaveLength(3);
    expect(decodeCursor(first.nextCursor!)).toMatchObject({ dir: "next", t: first.page[2].t });
    expect(first.prevCursor).toBeNull();
    const last = keysetPage(rows(2), 3, { dir: "next", t: "2026-01-01T00:01:00.000000Z", id });
    expect(last.nextCursor).toBeNull();
    expect(decodeCursor(last.prevCursor!)).toMatchObject({ dir: "prev", t: last.page[0].t });
  });

  it("puts a backwards read back into display order", () => {
    const read = rows(3).reverse();
    const back = keysetPage(read, 3, { dir: "prev", t: "2026-01-01T00:00:00.000000Z", id });
    expect(back.page.map((r) => r.t)).toEqual(rows(3).map((r) => r.t));
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).not.toBeNull();
  });
});
