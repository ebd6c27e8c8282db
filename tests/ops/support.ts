import { randomBytes } from "node:crypto";
import postgres from "postgres";

/** The PostgreSQL server the operations checks run on (CI starts it; see .ci/run). */
export const PG_BASE = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

/** A new, empty database on PG_BASE; `drop()` removes it (ending any connection left behind). */
export async function freshDatabase(prefix = "scp_ops") {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = postgres(PG_BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    sql: () => postgres(url.toString(), { max: 2, onnotice: () => {} }),
    async drop() {
      const a = postgres(PG_BASE, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * Signs in through Auth.js's endpoint as a browser would; returns the session cookie (null when refused)
 * and the answer's X-Request-Id.
 */
export async function signIn(base: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }),
  });
  const location = res.headers.get("location") ?? "";
  const session = res.headers.getSetCookie().find((c) => c.includes("authjs.session-token="));
  return {
    cookie: location.includes("error=") || !session ? null : session.split(";")[0],
    code: location.includes("error=") ? new URL(location, base).searchParams.get("code") : null,
    requestId: res.headers.get("x-request-id"),
  };
}

export const DEMO = { email: "admin@northwind.test", password: "northwind-demo-password" };
