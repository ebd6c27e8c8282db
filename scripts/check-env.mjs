// Production start refuses to run without a real secret, and says how to set one.
import { existsSync, readFileSync } from "node:fs";

const fromFile = [".env.production.local", ".env.local", ".env.production", ".env"]
  .filter((f) => existsSync(f))
  .some((f) => /^AUTH_SECRET=.{32,}/m.test(readFileSync(f, "utf8")));
const secret = process.env.AUTH_SECRET;
if (!(secret && secret.length >= 32) && !fromFile) {
  console.error(
    "AUTH_SECRET is not set (or shorter than 32 characters).\n" +
      "Production needs it to sign sessions and encrypt activation links. Generate one and start again:\n\n" +
      "  export AUTH_SECRET=$(openssl rand -base64 33)\n  npm start\n",
  );
  process.exit(1);
}
