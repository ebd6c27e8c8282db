import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type Variant = "primary" | "secondary" | "danger" | "ghost";
export type Size = "md" | "sm" | "icon";

const variants: Record<Variant, string> = {
  primary: "bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover",
  secondary: "border border-input/60 bg-card text-foreground shadow-sm hover:bg-accent",
  danger: "bg-destructive text-white shadow-sm hover:bg-destructive-hover",
  ghost: "text-foreground hover:bg-accent",
};

const sizes: Record<Size, string> = {
  md: "h-9 px-4 py-2",
  sm: "h-8 px-3 text-xs",
  icon: "size-9",
};

/** The shadcn/ui button look: one class string per variant and size, usable on links and submit buttons alike. */
export function buttonClass(variant: Variant = "primary", size: Size = "md"): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors",
    "disabled:pointer-events-none disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0",
    variants[variant],
    sizes[size],
  );
}

type Props = { variant?: Variant; size?: Size };

export function Button({ variant = "primary", size = "md", className, ...props }: ComponentProps<"button"> & Props) {
  return <button type="button" className={cn(buttonClass(variant, size), className)} {...props} />;
}

export function ButtonLink({ variant = "primary", size = "md", className, ...props }: ComponentProps<typeof Link> & Props) {
  return <Link className={cn(buttonClass(variant, size), className)} {...props} />;
}
