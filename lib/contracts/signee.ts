import { signeeWord } from "@/lib/message-keys";

/**
 * How a contract's signee reads on every screen (details header, Directory, a partner's contracts):
 * "Name (email)" once someone signed; while pending, "Invited: email" when the link was emailed, or
 * "Link only" when it is passed on by hand. English words that remember their key (lib/message-keys.ts):
 * the screens show them with localizeMessage in the reader's language.
 */
export function signeeWords(s: { name: string | null; email: string | null; invitedEmail: string | null; pending: boolean }): string {
  if (s.name) return s.email ? `${s.name} (${s.email})` : s.name;
  if (s.invitedEmail) return signeeWord("invited", { email: s.invitedEmail });
  return s.pending ? signeeWord("linkOnly") : "—";
}
