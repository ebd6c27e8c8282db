import type { Metadata } from "next";
import { CreateAgreementForm } from "@/components/agreements/create-agreement-form";
import { Card } from "@/components/ui/layout";
import { agreementTypes } from "@/lib/agreements/schemas";
import { mayManage } from "@/lib/agreements/access";
import { requirePartnersViewer } from "@/lib/session";
import { createAgreementAction } from "../actions";

export const metadata: Metadata = { title: "Create Agreement" };

export default async function NewAgreementPage() {
  const viewer = await requirePartnersViewer("/partners/agreements/new");
  // Only the types this account may create are offered; the server refuses the others anyway.
  const types = agreementTypes.filter((t) => mayManage(viewer, t));
  return (
    <Card className="max-w-3xl">
      <h2 className="mb-4 text-lg font-semibold text-slate-900">Create Agreement</h2>
      <CreateAgreementForm types={types} create={createAgreementAction} />
    </Card>
  );
}
