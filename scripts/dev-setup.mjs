// `npm run dev` works with no settings: write a development AUTH_SECRET to .env.local once.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, appendFileSync } from "node:fs";

const file = ".env.local";
const current = existsSync(file) ? readFileSync(file, "utf8") : "";
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(current)) {
  appendFileSync(file, `${current && !current.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${randomBytes(33).toString("base64url")}\n`);
  console.log("Wrote a development AUTH_SECRET to .env.local");
}
