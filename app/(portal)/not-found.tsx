import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/layout";

/** A portal page for an ID that does not exist or is another account's: inside the portal's shell, so the way on stays in view. */
export default function PortalNotFound() {
  return (
    <div className="py-8">
      <EmptyState level={1} title="Not found" action={<ButtonLink href="/">Go to your portal</ButtonLink>}>
        There is nothing here, or you do not have access to it. Check the ID, or find it in its list.
      </EmptyState>
    </div>
  );
}
