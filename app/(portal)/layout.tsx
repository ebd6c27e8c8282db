import { requireViewer } from "@/lib/session";
import { PortalHeader } from "@/components/shell/portal-header";
import { signOutAction, signOutEverywhereAction, switchAccountAction } from "@/app/actions/auth";

const sessionActions = { signOut: signOutAction, signOutEverywhere: signOutEverywhereAction, switchAccount: switchAccountAction };

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("/");
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <PortalHeader viewer={viewer} actions={sessionActions} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
