/**
 * A stand-in for Next's request boundary so server actions run in tests: headers and cookies
 * come from `request`, redirect() throws a RedirectSignal, and the session is whatever `signInAs` set.
 */
import { CLIENT_IP_HEADER, trustClientIpHeader } from "@/lib/client-ip.mjs";

// In production scripts/server.mjs sets the client-IP header on every request; here the tests do.
trustClientIpHeader();
export const request = {
  headers: new Headers({ "user-agent": "vitest", [CLIENT_IP_HEADER]: "203.0.113.7" }),
  cookies: new Map<string, string>(),
};

export function resetRequest(): void {
  request.headers = new Headers({ "user-agent": "vitest", [CLIENT_IP_HEADER]: "203.0.113.7" });
  request.cookies.clear();
}

export class RedirectSignal extends Error {
  constructor(public readonly url: string) {
    super(`redirect:${url}`);
  }
}

export class NotFoundSignal extends Error {
  constructor() {
    super("not-found");
  }
}

const cookieStore = {
  get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
  getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => request.cookies.has(name),
  set: (name: string, value: string) => void request.cookies.set(name, value),
  delete: (name: string) => void request.cookies.delete(name),
};

export const nextHeadersMock = {
  headers: async () => request.headers,
  cookies: async () => cookieStore,
};

export const nextNavigationMock = {
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  permanentRedirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  notFound: () => {
    throw new NotFoundSignal();
  },
  useRouter: () => ({}),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
};

/** The Auth.js session that `auth()` returns in tests (null = anonymous). */
export const session: { current: { uid: string; sv: number } | null } = { current: null };
