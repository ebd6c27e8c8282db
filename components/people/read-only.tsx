import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/layout";
import { Notice } from "@/components/ui/notice";

export const READ_ONLY_WORDS = "Your role is Read-only: you can see this account but not change it.";

/** In place of a create form for a Read-only member (the server refuses the action anyway). */
export function ReadOnlyRefusal({ title, back }: { title: string; back: { href: string; label: string } }) {
  return (
    <EmptyState
      title={`${title} is not available`}
      action={
        <ButtonLink href={back.href} variant="secondary">
          {back.label}
        </ButtonLink>
      }
    >
      {READ_ONLY_WORDS}
    </EmptyState>
  );
}

/** Above the Partners module and the Reseller Portal for a Read-only member: why there are no change buttons. */
export function ReadOnlyNotice() {
  return <Notice tone="info">{READ_ONLY_WORDS}</Notice>;
}
