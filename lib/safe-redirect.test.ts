import { describe, expect, it } from "vitest";
import { safeAbsoluteRedirect, safeCallbackUrl } from "./safe-redirect";

// SECURITY.md 33, issue 14 item 2. APP_URL is http://localhost:3000 in tests (tests/support/setup-db.ts).
describe("redirect targets taken from a request", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeCallbackUrl("/partners/contracts?status=active#top")).toBe("/partners/contracts?status=active#top");
    expect(safeCallbackUrl("/activate/abc")).toBe("/activate/abc");
    expect(safeCallbackUrl("http://localhost:3000/reseller")).toBe("/reseller");
    expect(safeCallbackUrl("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example"); // an encoded slash stays a path
  });

  it.each([
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "/\r/evil.example/x",
    "/\u0000/evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "/x/..//evil.example",
    "https://evil.example/",
    "http://localhost:3000@evil.example/",
    "http://user:pass@localhost:3000/",
    "https://localhost:3000/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "",
  ])("refuses %j (falls back to /)", (hostile) => {
    expect(safeCallbackUrl(hostile)).toBe("/");
  });

  it("refuses what is not a string (a repeated query parameter, a file) without throwing", () => {
    for (const v of [undefined, null, ["/a", "/b"], 42, new Blob(["x"])]) expect(safeCallbackUrl(v)).toBe("/");
    expect(safeCallbackUrl("//evil.example", "/sign-in")).toBe("/sign-in");
    expect(safeCallbackUrl("/a\u007f")).toBe("/"); // DEL, a control character too
    expect(safeCallbackUrl(`/${"a".repeat(5000)}`)).toBe("/"); // longer than any real path
  });

  it("gives Auth.js an absolute URL on APP_URL, whatever it was asked for", () => {
    expect(safeAbsoluteRedirect("/sign-in")).toBe("http://localhost:3000/sign-in");
    expect(safeAbsoluteRedirect("https://evil.example/steal")).toBe("http://localhost:3000/");
    expect(safeAbsoluteRedirect("/\t/evil.example")).toBe("http://localhost:3000/");
  });
});
