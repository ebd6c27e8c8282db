import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReminderPolicyForm } from "@/components/settings/reminder-policy-form";
import { getDb } from "@/db/client";
import { canManageAccount } from "@/lib/accounts/roles";
import { getReminderPolicy } from "@/lib/follow-up/policy";
import { getT } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/session";
import { saveReminderPolicyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT("Settings"))("sections.reminders") };
}

/** Settings → Reminders: the account's reminder policy for pending invitations (Owners and Admins). */
export default async function ReminderSettingsPage() {
  const viewer = await requireViewer("/settings/reminders");
  if (!canManageAccount(viewer) || !viewer.permissions.agreement.service.create) notFound();
  const policy = await getReminderPolicy(await getDb(), viewer.accountId);
  return <ReminderPolicyForm policy={policy} save={saveReminderPolicyAction} />;
}
