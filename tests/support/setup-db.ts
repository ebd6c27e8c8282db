/**
 * Each test file gets a clean database: a fresh in-memory PGlite by default, or, when DATABASE_URL
 * is set, a new PostgreSQL database created for the file and dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, vi } from "vitest";

process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.APP_URL ??= "http://localhost:3000";
process.env.SCP_SILENT_LOGS ??= "1";

const baseUrl = process.env.TEST_BASE_DATABASE_URL || process.env.DATABASE_URL;
let dropName: string | undefined;

if (baseUrl) {
  process.env.TEST_BASE_DATABASE_URL = baseUrl;
  dropName = `scp_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dropName}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${dropName}`;
  process.env.DATABASE_URL = url.toString();
} else {
  process.env.PGLITE_DATA_DIR = "memory://";
}

// The Next request boundary, mocked: tests set headers/cookies through tests/support/next.ts.
vi.mock("next/headers", async () => (await import("./next")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("@/lib/auth", async () => {
  const { session } = await import("./next");
  return { auth: async () => session.current, signIn: async () => undefined, signOut: async () => undefined, handlers: {} };
});
// The session cookie reader (lib/session-read.ts) answers the same signed-in user; its decoding is
// tested on real Auth.js cookies in lib/auth-session.test.ts.
vi.mock("@/lib/session-read", async () => {
  const { session } = await import("./next");
  const expires = new Date(Date.now() + 12 * 3600 * 1000);
  return { readSession: async () => (session.current ? { ...session.current, expires } : null) };
});
vi.mock("next/navigation", async () => (await import("./next")).nextNavigationMock);
// In the app, server components inside an IntlIsland read the request's whole catalog (next-intl's server
// config), and only its client components read the island's words; a test's render has only the providers,
// so an island narrowed with `only` would hide their words from its server components here. Tests render
// islands with whole namespaces; tests/i18n/island-words.test.ts checks what `only` sends.
vi.mock("@/components/intl-island", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/components/intl-island")>();
  return { ...real, IntlIsland: (props: Parameters<typeof real.IntlIsland>[0]) => real.IntlIsland({ ...props, only: undefined }) };
});
// Every page renders under the root layout's NextIntlClientProvider (app/layout.tsx): markup a test renders
// gets the same provider, in the mocked request's language (cookie, else Accept-Language), like the app.
vi.mock("react-dom/server", async (importOriginal) => {
  const real = await importOriginal<typeof import("react-dom/server")>();
  const { withIntl } = await import("./intl");
  const { request } = await import("./next");
  const { LOCALE_COOKIE, requestLocale } = await import("@/lib/i18n/locales");
  const locale = () => requestLocale(request.cookies.get(LOCALE_COOKIE), request.headers.get("accept-language"));
  return {
    ...real,
    renderToStaticMarkup: (el: React.ReactNode, o?: Parameters<typeof real.renderToStaticMarkup>[1]) =>
      real.renderToStaticMarkup(withIntl(el, locale()), o),
    renderToString: (el: React.ReactNode, o?: Parameters<typeof real.renderToString>[1]) => real.renderToString(withIntl(el, locale()), o),
  };
});

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
  if (dropName && baseUrl) {
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dropName} with (force)`);
    await admin.end();
  }
});

export const onPostgres = Boolean(baseUrl);
