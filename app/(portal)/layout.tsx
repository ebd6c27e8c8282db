import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/lib/session";
import { signOutAction, signOutEverywhereAction, switchAccountAction } from "@/app/actions/auth";

const sessionActions = { signOut: signOutAction, signOutEverywhere: signOutEverywhereAction, switchAccount: switchAccountAction };

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  // Each page checks its own access (and the account's two-factor requirement); the shell opens for Your profile too.
  const viewer = await requireViewer("/", { twoFactorSetup: true });
  return (
    <AppShell viewer={viewer} actions={sessionActions} locale={viewer.localeSetting ?? null}>
      {children}
    </AppShell>
  );
}
