import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { signInAction, switchAccountAction } from "@/app/actions/auth";
import { POST as postLocale } from "@/app/locale/route";
import { users } from "@/db/schema";
import { actAs, db, makeAccount, TEST_PASSWORD } from "@/tests/support/factories";
import { RedirectSignal, request, resetRequest } from "@/tests/support/next";

// Issue 24: the user's language setting (account menu, Your profile) wins over the browser on every device.

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

async function signInWith(email: string): Promise<void> {
  await expect(signInAction({}, form({ email, password: TEST_PASSWORD }))).rejects.toBeInstanceOf(RedirectSignal);
}

async function setLocaleOf(userId: string, locale: string | null): Promise<void> {
  await (await db()).update(users).set({ locale }).where(eq(users.id, userId));
}

async function localeOf(userId: string): Promise<string | null> {
  const [row] = await (await db()).select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row.locale;
}

function postTo(fields: Record<string, string>): Promise<Response> {
  return postLocale(new Request("http://localhost:3000/locale", { method: "POST", body: form(fields) }));
}

describe("signing in applies the user's language setting", () => {
  beforeEach(() => {
    resetRequest();
    actAs(null);
  });

  it("a user whose setting is French gets scp-locale=fr, whatever the browser says", async () => {
    const { user } = await makeAccount();
    await setLocaleOf(user.id, "fr");
    request.headers.set("accept-language", "en-US,en;q=0.9");
    await signInWith(user.email);
    expect(request.cookies.get("scp-locale")).toBe("fr");
  });

  it("a user who follows the browser has the cookie cleared (a language picked before on this device no longer sticks)", async () => {
    const { user } = await makeAccount();
    await setLocaleOf(user.id, null);
    request.cookies.set("scp-locale", "de");
    await signInWith(user.email);
    expect(request.cookies.has("scp-locale")).toBe(false);
  });

  it("switching account keeps the language", async () => {
    const who = await makeAccount();
    actAs(who);
    request.cookies.set("scp-locale", "es");
    await expect(switchAccountAction(form({ account: who.account.publicId }))).rejects.toBeInstanceOf(RedirectSignal);
    expect(request.cookies.get("scp-locale")).toBe("es");
  });
});

describe("POST /locale", () => {
  beforeEach(() => {
    resetRequest();
    actAs(null);
  });

  it("stores a signed-in user's choice and sets the cookie; 'browser' clears both", async () => {
    const who = await makeAccount();
    actAs(who);
    const res = await postTo({ locale: "de", back: "/settings/profile" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/settings/profile");
    expect(res.headers.get("set-cookie")).toMatch(/^scp-locale=de;/);
    expect(await localeOf(who.user.id)).toBe("de");

    const back = await postTo({ locale: "browser", back: "/settings" });
    expect(back.headers.get("set-cookie")).toMatch(/^scp-locale=; .*Max-Age=0/);
    expect(await localeOf(who.user.id)).toBeNull();
  });

  it("refuses a post from another site with 403 and changes nothing", async () => {
    const who = await makeAccount();
    actAs(who);
    request.headers.set("host", "localhost:3000");
    request.headers.set("origin", "https://evil.example");
    const res = await postTo({ locale: "fr", back: "/" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await localeOf(who.user.id)).toBeNull();
  });

  it("refuses an unknown language with 400", async () => {
    const who = await makeAccount();
    actAs(who);
    for (const locale of ["xx", "EN", "", "pt"]) {
      const res = await postTo({ locale, back: "/" });
      expect(res.status).toBe(400);
    }
    expect(await localeOf(who.user.id)).toBeNull();
  });

  it("goes back only to a path on this site", async () => {
    for (const back of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      const res = await postTo({ locale: "es", back });
      expect(res.headers.get("location")).toBe("/");
    }
    expect((await postTo({ locale: "es", back: "/reseller?x=1" })).headers.get("location")).toBe("/reseller?x=1");
  });
});
