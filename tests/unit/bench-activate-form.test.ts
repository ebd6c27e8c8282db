import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { activated, stepForm } from "@/bench/activation-submit";
import { preparedPostRate } from "@/bench/submissions";

// The shape React renders for a server-action form (progressive enhancement) on the Activate step, next
// to the GET form Back points at (components/activation/step-body.tsx).
const page = `<main><form id="activation-back" action="/activate/TOKEN" class="hidden"><input type="hidden" name="step" value="company"/></form>
<form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_1"/>
<input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;40ab&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
<input type="hidden" name="$ACTION_1:1" value="[null]"/><input type="hidden" name="$ACTION_KEY" value="k1a2"/>
<input type="hidden" name="token" value="TOKEN"/><p>By clicking Activate you sign the agreement &amp; more.</p>
<button type="submit" form="activation-back" class="b">Back</button><button type="submit" class="p">Activate</button></form></main>`;

describe("the bench's no-JavaScript Activate post", () => {
  it("submits the step form's fields as the browser would: React's hidden inputs, unescaped, and the token", () => {
    const form = stepForm(page);
    expect(form?.fields).toEqual([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"40ab","bound":"$@1"}'],
      ["$ACTION_1:1", "[null]"],
      ["$ACTION_KEY", "k1a2"],
      ["token", "TOKEN"],
    ]);
    expect(form?.markup).toMatch(/>Activate<\/button>/);
  });

  it("finds no step form on a page without one (a link-state page)", () => {
    expect(
      stepForm(`<main><h1>This link is not valid</h1><form action="/sign-in"><input name="token" value="x"/></form></main>`),
    ).toBeNull();
  });

  it("counts only a 303 to the Reseller Portal as an activation", () => {
    expect(activated(303, "/reseller?activated=CRS-1")).toBe(true);
    expect(activated(303, "http://127.0.0.1:4000/reseller?activated=CRS-1")).toBe(true);
    expect(activated(303, "/activate/TOKEN?step=review")).toBe(false); // an earlier answer reopened
    expect(activated(200, undefined)).toBe(false); // refused: the page again, with the message
    expect(activated(303, "/sign-in?callbackUrl=%2Freseller%3Factivated%3DCRS-1")).toBe(false);
  });
});

describe("the bench's timed posts", () => {
  it("count only the answers the check accepts, whatever the case of the Location header", async () => {
    let n = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      // Every other post "activates"; the rest are re-rendered pages, as a refusal would be.
      if (n++ % 2 === 0) res.writeHead(303, { Location: "/reseller?activated=CRS-1" }).end();
      else res.writeHead(200, { "content-type": "text/html" }).end("<p>refused</p>");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const post = { path: "/activate/x", headers: { "content-type": "text/plain" }, body: Buffer.from("a") };
      const r = await preparedPostRate(
        base,
        Array.from({ length: 6 }, () => post),
        1,
        activated,
      );
      expect(r).toMatchObject({ good: 3, total: 6, statuses: { 303: 3, 200: 3 } });
      expect(r.perSecond).toBeGreaterThan(0);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
