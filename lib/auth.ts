import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/accounts/authenticate";
import { signInSchema } from "@/lib/accounts/schemas";
import { activationTicketProvider } from "@/lib/activation/sign-in-ticket";
import { encodeSessionToken, SESSION_MAX_AGE_SECONDS, sessionEndsAt, sessionToken } from "@/lib/auth-session";
import { log } from "@/lib/log";
import { requestInfo } from "@/lib/request-info";
import { safeAbsoluteRedirect } from "@/lib/safe-redirect";

class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
}

class TwoFactorRequired extends CredentialsSignin {
  code = "two_factor_required";
}

declare module "next-auth" {
  interface Session {
    uid?: string;
    sv?: number;
  }
  interface User {
    sessionVersion?: number;
  }
}

const production = process.env.NODE_ENV === "production";
/** Auth.js's errors caused by the request, not the server (its own list, node_modules/@auth/core/errors.js). */
const CLIENT_ERRORS = new Set([
  "CredentialsSignin",
  "OAuthAccountNotLinked",
  "OAuthCallbackError",
  "AccessDenied",
  "Verification",
  "MissingCSRF",
  "AccountNotLinked",
  "WebAuthnVerificationError",
]);

export const { handlers, auth, signIn, signOut } = NextAuth({
  // JWT sessions, set explicitly; the token carries only the user id, session version and sign-in time.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { encode: encodeSessionToken },
  trustHost: true,
  useSecureCookies: production,
  pages: { signIn: "/sign-in" },
  // Auth.js's messages join the structured log: a refused sign-in or a missing CSRF token is the client's
  // doing (one warning line; the security event says who), anything else is an error with its stack.
  logger: {
    error: (e) => {
      const type = (e as { type?: string }).type ?? "";
      if (CLIENT_ERRORS.has(type)) log.warn(`auth: ${type}`, { component: "auth" });
      else log.error("auth error", e, { component: "auth" });
    },
    warn: (code) => log.warn(`auth: ${code}`, { component: "auth" }),
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      // Throttling lives here, not in the sign-in action: Auth.js's own endpoint would bypass it there.
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await authenticate(await getDb(), { ...parsed.data, ...requestInfo(request.headers) });
        if (result.status === "rate_limited") throw new RateLimitedSignin();
        if (result.status !== "ok") return null;
        // A user with two-factor sign-in never gets a session from the password alone: the sign-in page
        // asks for the code (app/actions/auth.ts), and this endpoint, called directly, refuses.
        if (result.user.twoFactor) throw new TwoFactorRequired();
        return { id: result.user.id, email: result.user.email, name: result.user.fullName, sessionVersion: result.user.sessionVersion };
      },
    }),
    // Signs a reseller in right after Activate, without their password (lib/activation/sign-in-ticket.ts).
    activationTicketProvider,
  ],
  callbacks: {
    jwt: ({ token, user }) => sessionToken({ token, user }),
    session({ session, token }) {
      session.uid = token.uid as string | undefined;
      session.sv = token.sv as number | undefined;
      const ends = sessionEndsAt(token);
      return ends ? { ...session, expires: ends.toISOString() as typeof session.expires } : session;
    },
    // Auth.js's own redirects (signIn/signOut redirectTo, its callbackUrl) follow SECURITY.md 33 too.
    redirect: ({ url }) => safeAbsoluteRedirect(url),
  },
});
