import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/session";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getViewer()) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-2 text-center text-sm font-semibold uppercase tracking-wide text-brand-700">Service Contracts</p>
        <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
          <SignInForm callbackUrl={target} />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">
          Resellers: open the activation link your distributor sent you to create your account.
        </p>
      </div>
    </main>
  );
}
