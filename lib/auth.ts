import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/accounts/authenticate";
import { signInSchema } from "@/lib/accounts/schemas";
import { activationTicketProvider } from "@/lib/activation/sign-in-ticket";
import { requestInfo } from "@/lib/request-info";

class RateLimitedSignin extends CredentialsSignin {
  code = "rate_limited";
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

export const { handlers, auth, signIn, signOut } = NextAuth({
  // JWT sessions, set explicitly; the token carries only the user id and session version.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  useSecureCookies: production,
  pages: { signIn: "/sign-in" },
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
        return { id: result.user.id, email: result.user.email, name: result.user.fullName, sessionVersion: result.user.sessionVersion };
      },
    }),
    // Signs a reseller in right after Activate, without their password (lib/activation/sign-in-ticket.ts).
    activationTicketProvider,
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = token.uid as string | undefined;
      session.sv = token.sv as number | undefined;
      return session;
    },
  },
});
