import { useActionState } from "react";
import type { StepResult } from "@/app/activate/actions";
import type { CompanyOption } from "@/lib/activation/user-companies";

/** What the flow knows about the contract and the visitor; plain data, safe for the browser. */
export type FlowFacts = {
  token: string;
  contractPublicId: string;
  distributorName: string;
  agreementName: string;
  versionNumber: number;
  permissionsText: string[];
  invitedCompanyName: string;
  passwordRule: string;
  viewer: { fullName: string; email: string; companies: CompanyOption[] } | null;
};

/** The answers so far. Kept only in this page's memory until Activate; the password is never sent back to us. */
export type Answers = {
  mode: "new" | "existing" | "viewer";
  email: string;
  accepted: boolean;
  fullName: string;
  password: string;
  companies: CompanyOption[];
  /** "new" or the public ID of one of the user's companies. */
  companyChoice: string;
  companyName: string;
};

export type StepProps = { facts: FlowFacts; answers: Answers; update: (patch: Partial<Answers>) => void; next: (patch?: Partial<Answers>) => void; back: (patch?: Partial<Answers>) => void; carried?: StepResult };

/** A step's form: runs the server check, moves on when it passes, keeps its answer for the error display. */
export function useStepCheck(check: () => Promise<StepResult>, onOk: (r: StepResult) => void, initial: StepResult = {}) {
  return useActionState<StepResult, FormData>(async () => {
    const r = await check();
    if (r.ok) onOk(r);
    return r;
  }, initial);
}
