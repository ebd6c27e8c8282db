import { describe, expect, it } from "vitest";
import { switchAccountAction } from "@/app/actions/auth";
import { requireActionViewer } from "@/lib/session";
import { actAs, makeAccount } from "../support/factories";
import { request, RedirectSignal } from "../support/next";

describe("server actions and Origin (SECURITY.md 20)", () => {
  it("refuses a foreign Origin and Origin: null, and accepts the app's own", async () => {
    const who = await makeAccount();
    for (const origin of ["https://evil.example", "null", "http://localhost:3000.evil.example"]) {
      actAs(who);
      request.headers.set("host", "localhost:3000");
      request.headers.set("origin", origin);
      await expect(requireActionViewer()).rejects.toMatchObject({ code: "forbidden" });
      await expect(switchAccountAction(new FormData())).rejects.toMatchObject({ code: "forbidden" });
    }
    actAs(who);
    request.headers.set("host", "localhost:3000");
    request.headers.set("origin", "http://localhost:3000");
    expect((await requireActionViewer()).userId).toBe(who.user.id);
    await expect(switchAccountAction(new FormData())).rejects.toBeInstanceOf(RedirectSignal);
  });

  it("refuses an anonymous caller", async () => {
    actAs(null);
    await expect(requireActionViewer()).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
