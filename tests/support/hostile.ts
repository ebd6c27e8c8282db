import fc from "fast-check";

/** Strings people paste, attackers send, and encodings break on. */
export const HOSTILE_STRINGS = [
  "x".repeat(10_240),
  "\u0000",
  "a\u0000b",
  "\u0007bell",
  "line one\r\nline two",
  "Subject: hi\r\nBcc: victim@example.test",
  "\u202eexe.txt",
  "\u200b",
  "😀👍🏽🇺🇦",
  "'; drop table users; --",
  "' or 1=1 --",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "%00%0d%0a",
  "   ",
  "",
];

/** Hostile text: the fixed list, arbitrary UTF-16 (lone surrogates included), and mixes of both. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.array(fc.constantFrom(...HOSTILE_STRINGS.slice(1), "a", "Name LLC"), { minLength: 1, maxLength: 4 }).map((p) => p.join("")),
);

/** What arrives where a string is expected when the caller is not our form. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(), // NaN, ±Infinity, -0 included
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, NaN),
  fc.bigInt(),
  fc.boolean(),
  fc.constantFrom(null, undefined),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1, maxKeys: 3 }),
  fc.date(),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, wrongType);

/** Well-formed text a real user may legitimately type: must be stored exactly and rendered escaped. */
export const VALID_HOSTILE_TEXT = [
  "<script>alert(1)</script> 😀",
  "<img src=x onerror=alert(1)> \u202eRTL",
  '\'; drop table users; -- & "quotes"',
];
