import Link from "next/link";
import { canUsePartners, type Viewer } from "@/lib/accounts/viewer";
import { partnersHome } from "@/lib/reseller/partners-access";

/** The session's server actions, passed in by the layout. */
export type SessionActions = {
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
  switchAccount: (formData: FormData) => Promise<void>;
};

export function PortalHeader({ viewer, actions }: { viewer: Viewer; actions: SessionActions }) {
  const portal = viewer.role === "distributor" ? "Distributor Portal" : "Reseller Portal";
  const links = [
    ...(viewer.role === "reseller" ? [{ href: "/reseller", label: "Home" }] : []),
    ...(canUsePartners(viewer) ? [{ href: partnersHome(viewer), label: "Partners" }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-sm font-semibold text-brand-900">
            {portal}
          </Link>
          <nav aria-label="Modules">
            <ul className="flex gap-4 text-sm">
              {links.map((l) => (
                <li key={l.href}>
                  <Link href={l.href} className="text-slate-700 hover:text-brand-700">
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {viewer.accounts.length > 1 ? (
            <form action={actions.switchAccount} className="flex items-center gap-2">
              <label htmlFor="account-switcher" className="text-slate-600">
                Account
              </label>
              <select id="account-switcher" name="account" defaultValue={viewer.accountPublicId} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
                {viewer.accounts.map((a) => (
                  <option key={a.publicId} value={a.publicId}>
                    {a.name} ({a.role === "distributor" ? "Distributor" : "Reseller"})
                  </option>
                ))}
              </select>
              <button type="submit" className="rounded-md px-2 py-1 text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
                Switch
              </button>
            </form>
          ) : (
            <span className="text-slate-600" data-testid="current-account">
              {viewer.accountName} <span className="text-slate-400">{viewer.accountPublicId}</span>
            </span>
          )}
          <details className="relative">
            <summary className="cursor-pointer list-none rounded-md px-2 py-1 text-slate-800 hover:bg-slate-100">{viewer.fullName}</summary>
            <div className="absolute right-0 z-10 mt-1 w-56 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
              <p className="truncate px-2 py-1 text-xs text-slate-500">{viewer.email}</p>
              <form action={actions.signOut}>
                <button type="submit" className="w-full rounded px-2 py-1 text-left hover:bg-slate-100">
                  Sign out
                </button>
              </form>
              <form action={actions.signOutEverywhere}>
                <button type="submit" className="w-full rounded px-2 py-1 text-left hover:bg-slate-100">
                  Sign out everywhere
                </button>
              </form>
            </div>
          </details>
        </div>
      </div>
    </header>
  );
}
