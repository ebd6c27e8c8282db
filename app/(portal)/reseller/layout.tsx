import { Suspense, type ReactNode } from "react";
import { ActivatedNotice } from "@/components/activation/activated-notice";
import { IntlIsland } from "@/components/intl-island";

/**
 * Shows the activation confirmation above any Reseller Portal page it lands on; the Reseller words travel
 * to the portal's client components (the Sign and Accept forms).
 */
export default function ResellerLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Suspense fallback={null}>
        <ActivatedNotice />
      </Suspense>
      <IntlIsland namespaces={["Reseller"]}>{children}</IntlIsland>
    </>
  );
}
