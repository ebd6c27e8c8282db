import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyIdOf, rawPublicKey, serializeDocument, signCertificate, verifyJsonText, type Json } from "@/lib/evidence/document";
import { verifyPdf } from "@/lib/evidence/pdf";
import { verifyEvidenceAction } from "@/app/verify/actions";
import { actAs } from "../support/factories";

// Issue 20: the Verify page reads files from anybody. Whatever arrives (random bytes, any JSON, a real
// certificate with any field changed), the check answers with a verdict: it never throws, never says
// "something went wrong", and never calls a changed certificate valid.

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const b64 = rawPublicKey(publicKey);
const key = { keyId: keyIdOf(b64), privateKey, publicKey, publicKeyBase64: b64 };
const trusted = [{ keyId: key.keyId, publicKey, publicKeyBase64: b64 }];
const certificate: Record<string, Json> = {
  certificateCode: "ABCD-EF01-2345-6789",
  contractId: "CRS-12345-12345-12345",
  signee: { id: "UR-1", name: "Rita", email: "rita@example.test" },
  permissionsGranted: { agreement: { program: { create: true }, service: { create: false, delegate: false } } },
  versionNumber: 2,
  events: [{ id: "1", type: "contract.created", hash: "ab" }],
};
const signed = signCertificate(certificate, key);

describe("hostile certificate files", () => {
  it("any JSON value or text gets a verdict, never an exception", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          expect(["unreadable", "unknown_key", "altered"]).toContain(verifyJsonText(text, trusted).status);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a signed certificate with any one leaf replaced is never valid, and the field is named", () => {
    const paths = [
      "certificateCode",
      "contractId",
      "signee.email",
      "permissionsGranted.agreement.service.create",
      "versionNumber",
      "events[0].hash",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const doc = JSON.parse(serializeDocument(signed));
        const keys = path.replace(/\[(\d+)\]/g, ".$1").split(".");
        let target = doc.certificate;
        for (const k of keys.slice(0, -1)) target = target[k];
        const before = JSON.stringify(target[keys.at(-1)!]);
        target[keys.at(-1)!] = value;
        const result = verifyJsonText(JSON.stringify(doc), trusted);
        if (JSON.stringify(value) === before) return; // not a change
        expect(result.status).toBe("altered");
      }),
      { numRuns: 300 },
    );
  });

  it("random bytes after a PDF header get a verdict, never an exception", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const file = new Uint8Array([...Buffer.from("%PDF-1.7\n"), ...bytes]);
        expect(["unreadable", "altered"]).toContain((await verifyPdf(file, trusted)).status);
      }),
      { numRuns: 100 },
    );
  });

  it("the public Verify action answers every posted value with a result, never the generic failure", async () => {
    const action = verifyEvidenceAction as unknown as (p: null, f: unknown) => Promise<{ ok: boolean; error?: string }>;
    actAs(null);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.uint8Array({ maxLength: 500 }).map((b) => new Blob([b])),
        ),
        async (value) => {
          const form = new FormData();
          form.set("file", value as string | Blob);
          const result = await action(null, form);
          expect(result.error ?? "").not.toMatch(/Something went wrong/);
        },
      ),
      { numRuns: 40 },
    );
    for (const odd of [null, undefined, "text", {}, new FormData()]) expect((await action(null, odd)).ok).toBe(false);
  });
});
