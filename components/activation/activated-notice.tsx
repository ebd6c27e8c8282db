import { IntlIsland } from "@/components/intl-island";
import { ActivatedNoticeText } from "./activated-notice-text";

/** The confirmation after activation, on the Reseller Portal (its words: "ActivatedNotice" in public.json). */
export function ActivatedNotice() {
  return (
    <IntlIsland namespaces={["ActivatedNotice"]}>
      <ActivatedNoticeText />
    </IntlIsland>
  );
}
