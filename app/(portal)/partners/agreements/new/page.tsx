import type { Metadata } from "next";
import { CreateAgreementForm } from "@/components/agreements/create-agreement-form";
import { Card, PageHeader } from "@/components/ui/layout";
import { agreementTypes } from "@/lib/agreements/schemas";
import { mayManage } from "@/lib/agreements/access";
import { requirePartnersViewer } from "@/lib/session";
import { canChange } from "@/lib/accounts/roles";
import { ReadOnlyRefusal } from "@/components/people/read-only";
import { createAgreementAction } from "../actions";

export const metadata: Metadata = { title: "Create Agreement" };

export default async function NewAgreementPage() {
  const viewer = await requirePartnersViewer("/partners/agreements/new");
  if (!canChange(viewer))
    return <ReadOnlyRefusal title="Create Agreement" back={{ href: "/partners/agreements", label: "Back to Agreements" }} />;
  // Only the types this account may create are offered; the server refuses the others anyway.
  const types = agreementTypes.filter((t) => mayManage(viewer, t));
  return (
    <div className="max-w-3xl">
      <PageHeader title="Create Agreement" back={{ href: "/partners/agreements", label: "Agreements" }} />
      <Card>
        <CreateAgreementForm types={types} create={createAgreementAction} />
      </Card>
    </div>
  );
}
