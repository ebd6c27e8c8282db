import { describe, expect, it } from "vitest";
import { formatExactTime, formatRelativeTime } from "@/lib/format";

const now = new Date("2026-03-10T12:00:00Z");
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("dates as people say them", () => {
  it("names the largest whole unit, in the past and the future", () => {
    expect(formatRelativeTime(at(-10), now)).toBe("just now");
    expect(formatRelativeTime(at(-5 * 60), now)).toBe("5 minutes ago");
    expect(formatRelativeTime(at(-3 * 3600), now)).toBe("3 hours ago");
    expect(formatRelativeTime(at(-23 * 3600), now)).toBe("23 hours ago");
    expect(formatRelativeTime(at(-26 * 3600), now)).toBe("yesterday");
    expect(formatRelativeTime(at(-3 * 86_400), now)).toBe("3 days ago");
    expect(formatRelativeTime(at(30 * 86_400), now)).toBe("next month");
    expect(formatRelativeTime(at(12 * 86_400), now)).toBe("in 2 weeks");
    expect(formatRelativeTime(at(-(2 * 3600 + 59 * 60)), now)).toBe("3 hours ago");
    expect(formatRelativeTime(at(-400 * 86_400), now)).toBe("last year");
  });

  it("gives the exact time to the second, in UTC, for the hover title", () => {
    expect(formatExactTime(new Date("2026-03-10T09:05:07Z"))).toBe("Mar 10, 2026, 09:05:07 UTC");
  });
});
