import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import SignInPage from "@/app/(auth)/sign-in/page";
import { signInAction } from "@/app/actions/auth";
import { actAs, makeAccount, TEST_PASSWORD } from "@/tests/support/factories";
import { RedirectSignal, resetRequest } from "@/tests/support/next";

// Issue 14 item 2, SECURITY.md 33: the real sign-in page and action with hostile callbackUrl values.
const HOSTILE = [
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\r/evil.example",
  "//evil.example",
  "/\\evil.example",
  "/.//evil.example",
  "https://evil.example/",
];

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof RedirectSignal) return e.url;
    throw e;
  }
  throw new Error("no redirect");
}

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe("sign-in redirects stay on this site", () => {
  beforeEach(() => {
    resetRequest();
    actAs(null);
  });

  it.each(HOSTILE)("the sign-in action sends %j home instead", async (hostile) => {
    const { user } = await makeAccount();
    const url = await redirectOf(() => signInAction({}, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: hostile })));
    expect(url).toBe("/");
  });

  it("the sign-in action keeps a real path on this site", async () => {
    const { user } = await makeAccount();
    const url = await redirectOf(() =>
      signInAction({}, form({ email: user.email, password: TEST_PASSWORD, callbackUrl: "/partners/contracts?status=active" })),
    );
    expect(url).toBe("/partners/contracts?status=active");
  });

  it.each(HOSTILE)("the page, signed in, sends %j home instead", async (hostile) => {
    actAs(await makeAccount());
    expect(await redirectOf(() => SignInPage({ searchParams: Promise.resolve({ callbackUrl: hostile }) }))).toBe("/");
  });

  it("the page, signed out, puts only a safe target in its form, even for a repeated parameter", async () => {
    for (const callbackUrl of [...HOSTILE, ["/a", "//evil.example"]]) {
      const html = renderToStaticMarkup(await SignInPage({ searchParams: Promise.resolve({ callbackUrl }) }));
      expect(html).toContain('name="callbackUrl" value="/"');
      expect(html).not.toContain("evil.example");
    }
  });
});
