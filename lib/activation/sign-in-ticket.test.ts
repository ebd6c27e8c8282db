import { describe, expect, it } from "vitest";
import { makeAccount, db } from "@/tests/support/factories";
import { issueSignInTicket, userForTicket } from "./sign-in-ticket";

describe("the sign-in ticket used right after Activate", () => {
  it("names the activated user for a minute, and nothing else is accepted", async () => {
    const { user } = await makeAccount({ role: "reseller" });
    const now = Date.now();
    const ticket = issueSignInTicket(user.id, now);
    expect(await userForTicket(await db(), ticket, now + 30_000)).toEqual({
      id: user.id,
      email: user.email,
      name: user.fullName,
      sessionVersion: user.sessionVersion,
    });
    expect(await userForTicket(await db(), ticket, now + 61_000)).toBeNull();
    const [body, sig] = ticket.split(".");
    const other = await makeAccount({ role: "reseller" });
    const forged = Buffer.from(Buffer.from(body, "base64url").toString().replace(user.id, other.user.id)).toString("base64url");
    expect(await userForTicket(await db(), `${forged}.${sig}`, now)).toBeNull();
    for (const junk of [undefined, 42, "", "x.y", `${body}.`, ticket + "x".repeat(2000)])
      expect(await userForTicket(await db(), junk, now)).toBeNull();
  });
});
