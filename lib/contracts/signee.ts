/**
 * How a contract's signee reads on every screen (details header, Directory, a partner's contracts):
 * "Name (email)" once someone signed; while pending, "Invited: email" when the link was emailed, or
 * "Link only" when it is passed on by hand.
 */
export function signeeWords(s: { name: string | null; email: string | null; invitedEmail: string | null; pending: boolean }): string {
  if (s.name) return s.email ? `${s.name} (${s.email})` : s.name;
  if (s.invitedEmail) return `Invited: ${s.invitedEmail}`;
  return s.pending ? "Link only" : "—";
}
