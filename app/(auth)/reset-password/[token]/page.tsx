import type { Metadata } from "next";
import Link from "next/link";
import { resetPasswordAction } from "@/app/actions/password-reset";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Notice } from "@/components/ui/notice";
import { getDb } from "@/db/client";
import { findOpenReset } from "@/lib/accounts/password-reset";
import { PASSWORD_RULE } from "@/lib/security/passwords";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

/** GET only shows the form (a mail scanner following the link spends nothing); the form's POST acts. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const open = await findOpenReset(await getDb(), token);
  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Link href="/sign-in" className="text-link hover:underline">
          Back to sign in
        </Link>
      }
    >
      {open ? (
        <ResetPasswordForm action={resetPasswordAction} token={token} email={open.email} rule={PASSWORD_RULE} />
      ) : (
        <div className="space-y-4">
          <Notice tone="warning">This password reset link has expired or was already used.</Notice>
          <Link href="/forgot-password" className="text-sm text-link hover:underline">
            Ask for a new link
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
