import { Badge } from "@/components/ui/badge";
import type { ContractKind } from "@/db/schema";
import { kindLabel } from "@/lib/format";

/** Test and Production alike as a chip, wherever a contract's kind is shown. */
export function KindBadge({ kind }: { kind: ContractKind }) {
  return <Badge tone={kind === "test" ? "test" : "neutral"}>{kindLabel[kind]}</Badge>;
}
