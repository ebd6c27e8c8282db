import { Suspense, type ReactNode } from "react";
import { ActivatedNotice } from "@/components/activation/activated-notice";

/** Shows the activation confirmation above any Reseller Portal page it lands on. */
export default function ResellerLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <Suspense fallback={null}>
        <ActivatedNotice />
      </Suspense>
      {children}
    </>
  );
}
