import { desc, eq } from "drizzle-orm";
import { outbox } from "@/db/schema";
import type { Viewer } from "@/lib/accounts/viewer";
import type { MemberRole } from "@/lib/accounts/viewer";
import { inviteUser } from "@/lib/people/invite-user";
import { db } from "./factories";

let n = 0;

/** A fresh email nobody uses yet. */
export const freshEmail = (prefix = "invitee") => `${prefix}${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** The /join token in the newest invitation email sent to `to` (the plain token exists only there). */
export async function joinTokenSentTo(to: string): Promise<string> {
  const [mail] = await (await db()).select().from(outbox).where(eq(outbox.to, to)).orderBy(desc(outbox.createdAt)).limit(1);
  const m = /\/join\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "");
  if (!m) throw new Error(`no invitation email to ${to}`);
  return m[1];
}

/** Invites through the real domain function and returns the invitation and its token. */
export async function invite(by: { viewer: Viewer }, role: MemberRole = "member", email = freshEmail()) {
  const { invitationId } = await inviteUser(await db(), by.viewer, { email, role });
  return { invitationId, email, token: await joinTokenSentTo(email) };
}
