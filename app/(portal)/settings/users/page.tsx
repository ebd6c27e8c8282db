import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PeopleView } from "@/components/people/people-view";
import { getDb } from "@/db/client";
import { canManageAccount } from "@/lib/accounts/roles";
import { now } from "@/lib/clock";
import { getT } from "@/lib/i18n/server";
import { listPeople } from "@/lib/people/list-people";
import { requireViewer } from "@/lib/session";
import { changeRoleAction, inviteUserAction, removeUserAction, resendInvitationAction, revokeInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("sections.users") };
}

const actions = {
  invite: inviteUserAction,
  resend: resendInvitationAction,
  revoke: revokeInvitationAction,
  changeRole: changeRoleAction,
  remove: removeUserAction,
};

/** Owners and Admins only; anyone else gets the not-found page (the section is not in their navigation either). */
export default async function UsersPage() {
  const viewer = await requireViewer("/settings/users");
  if (!canManageAccount(viewer)) notFound();
  const rows = await listPeople(await getDb(), viewer);
  return (
    <PeopleView
      rows={rows}
      me={{ userPublicId: viewer.userPublicId, memberRole: viewer.memberRole }}
      actions={actions}
      now={now().toISOString()}
    />
  );
}
