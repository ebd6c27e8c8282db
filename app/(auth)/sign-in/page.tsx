import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { Notice } from "@/components/ui/notice";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; reset?: string | string[] }>;
}) {
  const { callbackUrl, reset } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getViewer()) redirect(target);
  return (
    <main data-themed className="flex min-h-screen items-center justify-center bg-background px-4 text-foreground">
      <div className="w-full max-w-sm">
        <p className="mb-4 flex items-center justify-center gap-2 text-sm font-semibold text-foreground">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7 text-primary">
            <rect width="24" height="24" rx="6" fill="currentColor" />
            <path d="M7 12.5l3.2 3.2L17 9" stroke="white" strokeWidth="2.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Service Contracts
        </p>
        <div className="rounded-xl border border-border bg-card p-8 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold tracking-tight">Sign in</h1>
          {reset === "done" ? (
            <Notice tone="success" className="mb-4">
              Your password was changed. Sign in with your new password.
            </Notice>
          ) : null}
          <SignInForm callbackUrl={target} />
        </div>
        <p className="mt-4 text-center text-xs text-muted-foreground">
          Resellers: open the activation link your distributor sent you to create your account.
        </p>
      </div>
    </main>
  );
}
