import fc from "fast-check";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { hostileValue } from "../support/hostile";

// SECURITY.md (bad input): every zod schema of the product, found by walking lib/ for schemas modules,
// answers any value with a result (never an exception), and every refusal names what is wrong.

type Schema = z.ZodType;
const schemas = new Map<string, Schema>();

async function discoverSchemas() {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return walk(p);
      return /schemas\.ts$/.test(name) ? [p] : [];
    });
  for (const file of walk("lib")) {
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (value instanceof z.ZodType) schemas.set(`${file}:${name}`, value);
  }
}

/** The object shapes a schema accepts (one per branch of a discriminated union), with the branch's literal. */
function shapesOf(schema: Schema): Record<string, unknown>[] {
  if (schema instanceof z.ZodObject) return [Object.fromEntries(Object.keys(schema.shape).map((k) => [k, undefined]))];
  if (schema instanceof z.ZodDiscriminatedUnion) {
    return (schema.options as Schema[]).map((o) => {
      const shape = (o as z.ZodObject).shape as Record<string, Schema>;
      const fixed = Object.fromEntries(
        Object.entries(shape)
          .filter(([, s]) => s instanceof z.ZodLiteral)
          .map(([k, s]) => [k, (s as z.ZodLiteral).value]),
      );
      return { ...Object.fromEntries(Object.keys(shape).map((k) => [k, undefined])), ...fixed };
    });
  }
  return [];
}

/** Every field schema of an object (or of each union branch), nested objects included. */
function fieldsOf(schema: Schema, prefix = ""): [string, Schema][] {
  const branches =
    schema instanceof z.ZodObject ? [schema] : schema instanceof z.ZodDiscriminatedUnion ? (schema.options as z.ZodObject[]) : [];
  return branches.flatMap((b) =>
    Object.entries(b.shape as Record<string, Schema>).flatMap(([k, s]): [string, Schema][] => [
      [`${prefix}${k}`, s],
      ...fieldsOf(s, `${prefix}${k}.`),
    ]),
  );
}

function assertAnswers(schema: Schema, input: unknown) {
  const result = schema.safeParse(input); // throws → the property fails
  if (result.success) return;
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(typeof issue.message).toBe("string");
    expect(issue.message.trim().length, `empty message for ${JSON.stringify(issue.path)}`).toBeGreaterThan(0);
  }
}

beforeAll(discoverSchemas);

describe("every zod schema under hostile input", () => {
  it("finds the product's schemas", () => {
    const names = [...schemas.keys()].map((k) => k.split(":")[1]);
    for (const expected of [
      "createAgreementSchema",
      "contractParametersSchema",
      "editNoteSchema",
      "createPartnerSchema",
      "activationInputSchema",
      "signInSchema",
      "signVersionSchema",
    ]) {
      expect(names).toContain(expected);
    }
  });

  it("answers any value, whole, with a result and non-empty messages", () => {
    for (const [, schema] of schemas)
      fc.assert(
        fc.property(hostileValue, (v) => assertAnswers(schema, v)),
        { numRuns: 40 },
      );
  });

  it("answers objects whose fields are hostile, field by field, and points at the field", () => {
    for (const [name, schema] of schemas) {
      for (const shape of shapesOf(schema)) {
        const keys = Object.keys(shape);
        if (keys.length === 0) continue; // an empty object (an action without input): the test above covers it
        const arb = fc.dictionary(fc.constantFrom(...keys), hostileValue, { minKeys: 1, maxKeys: keys.length });
        fc.assert(
          fc.property(arb, (fields) => {
            const input = { ...shape, ...fields };
            assertAnswers(schema, input);
            const result = schema.safeParse(input);
            // A refusal for an object names a field, so the form can show the message next to it.
            if (!result.success)
              expect(
                result.error.issues.some((i) => i.path.length > 0 || i.code === "invalid_union"),
                name,
              ).toBe(true);
          }),
          { numRuns: 40 },
        );
      }
    }
  });

  it("never lets a NUL character through a text field (PostgreSQL cannot store it)", () => {
    const leaks: string[] = [];
    for (const [name, schema] of schemas) {
      for (const [field, fieldSchema] of [["", schema] as const, ...fieldsOf(schema)]) {
        if (/password/i.test(field) || /password|signInSchema/i.test(name)) continue; // hashed, never stored
        const result = fieldSchema.safeParse("Valid name LLC\u0000 x@example.test");
        if (result.success && JSON.stringify(result.data).includes("\\u0000")) leaks.push(`${name}${field ? `.${field}` : ""}`);
      }
    }
    expect(leaks, "fields that accept a NUL character").toEqual([]);
  });
});
