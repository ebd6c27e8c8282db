import type { ActivationProgress, StepKey } from "@/lib/activation/progress";
import type { ActivationReview } from "@/lib/activation/resolve-activation-link";
import type { StepAction } from "@/lib/activation/step-state";
import type { CompanyOption } from "@/lib/activation/user-companies";

/** The server actions the page hands to the activation forms (components never import from app/). */
export type ActivationActions = {
  review: StepAction;
  user: StepAction;
  company: StepAction;
  activate: StepAction;
  reject: StepAction;
  signOut: (form: FormData) => Promise<void>;
};

/** Everything one activation page shows, read on the server from the link, the session and the progress cookie. */
export type ActivationView = {
  token: string;
  review: ActivationReview;
  step: StepKey | "reject";
  progress: ActivationProgress | null;
  viewer: { fullName: string; email: string } | null;
  /** The signer's own reseller companies (existing or signed-in user). */
  companies: CompanyOption[];
  /** "Use a different email" was pressed: step 1 starts with an empty Email. */
  changeEmail: boolean;
  permissionsText: string[];
  passwordRule: string;
};
