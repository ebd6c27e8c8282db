import "server-only";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/accounts/viewer";
import { devMailboxEnabled } from "@/lib/email/transport";
import { AppError } from "@/lib/errors";
import { requireViewer } from "@/lib/session";

/** 404 in production before anything else (SECURITY.md 30); otherwise signed-in users only. */
export async function requireMailboxViewer(returnTo: string): Promise<Viewer> {
  if (!devMailboxEnabled()) notFound();
  return requireViewer(returnTo);
}

/** Runs a mailbox read, turning "not found" into the 404 page. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
