import { Badge } from "@/components/ui/layout";

const tone: Record<string, string> = { sent: "active", pending: "pending", sending: "info", failed: "rejected" };
const label: Record<string, string> = { sent: "Delivered", pending: "Waiting", sending: "Sending", failed: "Failed" };

export function MailStatus({ status }: { status: string }) {
  return <Badge tone={tone[status] ?? "info"}>{label[status] ?? status}</Badge>;
}
