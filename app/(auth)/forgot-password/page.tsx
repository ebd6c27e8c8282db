import type { Metadata } from "next";
import Link from "next/link";
import { requestPasswordResetAction } from "@/app/actions/password-reset";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };
// Rendered per request, like sign-in: the page's scripts carry the request's CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot password"
      footer={
        <Link href="/sign-in" className="text-link hover:underline">
          Back to sign in
        </Link>
      }
    >
      <ForgotPasswordForm action={requestPasswordResetAction} />
    </AuthCard>
  );
}
