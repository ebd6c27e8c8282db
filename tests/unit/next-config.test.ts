import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config.js";

describe("next.config.js", () => {
  it("never logs server function arguments (passwords, tokens) nor activation URLs, in development either (SECURITY.md 40)", () => {
    expect(nextConfig.logging).toMatchObject({ serverFunctions: false });
    const ignore = (nextConfig.logging as { incomingRequests: { ignore: RegExp[] } }).incomingRequests.ignore;
    expect(ignore.some((r) => r.test(`/activate/${"A".repeat(43)}`))).toBe(true);
    expect(ignore.some((r) => r.test("/partners/contracts"))).toBe(false);
  });

  it("leaves HSTS out of the build-time headers, even when APP_URL is https while building (issue 14 item 8)", async () => {
    const before = process.env.APP_URL;
    try {
      process.env.APP_URL = "https://portal.example";
      const rules = await nextConfig.headers!();
      const keys = rules.flatMap((r) => r.headers.map((h) => h.key.toLowerCase()));
      expect(keys).toContain("x-content-type-options");
      expect(keys).not.toContain("strict-transport-security");
    } finally {
      process.env.APP_URL = before;
    }
  });
});
