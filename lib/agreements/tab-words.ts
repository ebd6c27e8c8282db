import type { Viewer } from "@/lib/accounts/viewer";

/**
 * The Agreements tab's words for what the account may write: an account that may only create program
 * agreements (a reseller granted Program) never reads about service agreements and contracts.
 */
export function agreementsTabWords(viewer: Pick<Viewer, "permissions">): { intro: string; empty: string } {
  const { service, program } = viewer.permissions.agreement;
  if (service.create) {
    return {
      intro: "Agreements your partners sign. A service contract is always made on a service agreement.",
      empty: "Write a service agreement first: every service contract is made on one.",
    };
  }
  if (program.create) {
    return {
      intro: "Program agreements your account writes and manages.",
      empty: "Write a program agreement: its versions are kept here.",
    };
  }
  return { intro: "Agreements your account writes and manages.", empty: "Your account may not create agreements." };
}
