import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/lib/session";
import { signOutAction, signOutEverywhereAction, switchAccountAction } from "@/app/actions/auth";

const sessionActions = { signOut: signOutAction, signOutEverywhere: signOutEverywhereAction, switchAccount: switchAccountAction };

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("/");
  return (
    <AppShell viewer={viewer} actions={sessionActions}>
      {children}
    </AppShell>
  );
}
