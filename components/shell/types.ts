/** The session's server actions, passed in by the layout (components never import from app/). */
export type SessionActions = {
  signOut: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
  switchAccount: (formData: FormData) => Promise<void>;
};

export type NavIcon = "home" | "agreements" | "contracts" | "directory" | "settings";
export type NavSection = { label: string; links: { href: string; label: string; icon: NavIcon }[] };
