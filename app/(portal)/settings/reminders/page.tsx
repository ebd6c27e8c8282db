import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReminderPolicyForm } from "@/components/settings/reminder-policy-form";
import { getDb } from "@/db/client";
import { canManageAccount } from "@/lib/accounts/roles";
import { getReminderPolicy } from "@/lib/follow-up/policy";
import { requireViewer } from "@/lib/session";
import { saveReminderPolicyAction } from "./actions";

export const metadata: Metadata = { title: "Reminders" };

/** Settings → Reminders: the account's reminder policy for pending invitations (Owners and Admins). */
export default async function ReminderSettingsPage() {
  const viewer = await requireViewer("/settings/reminders");
  if (!canManageAccount(viewer) || !viewer.permissions.agreement.service.create) notFound();
  const policy = await getReminderPolicy(await getDb(), viewer.accountId);
  return <ReminderPolicyForm policy={policy} save={saveReminderPolicyAction} />;
}
