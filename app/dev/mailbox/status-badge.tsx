import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/layout";

const tone: Record<string, string> = { sent: "active", pending: "pending", sending: "info", failed: "rejected" };

export function MailStatus({ status }: { status: string }) {
  const t = useTranslations("Mailbox");
  return <Badge tone={tone[status] ?? "info"}>{Object.hasOwn(tone, status) ? t(`state.${status}`) : status}</Badge>;
}
