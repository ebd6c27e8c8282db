import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export type OutgoingMessage = { to: string; subject: string; html: string; text: string };

/** Where the outbox delivers. `mailbox` keeps mail on this machine: the outbox row is the mailbox. */
export type MailTransport = { kind: "smtp" | "mailbox"; send(message: OutgoingMessage): Promise<void> };

/** SMTP via nodemailer, with both parts; timeouts well under the outbox's 5-minute claim lease. */
export function smtpTransport(url: string, from: string): MailTransport {
  // Short timeouts: a hung server must not outlive the row's claim (see deliver-outbox.ts).
  const transporter = nodemailer.createTransport({ url, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 });
  return {
    kind: "smtp",
    async send(m) {
      await transporter.sendMail({ from, to: m.to, subject: m.subject, html: m.html, text: m.text });
    },
  };
}

/** Development: nothing leaves the machine; the row marked "sent" is what /dev/mailbox shows. */
export const mailboxTransport: MailTransport = { kind: "mailbox", async send() {} };

/** The development mailbox exists outside production, or in production only when SCP_DEV_MAILBOX=1 (e2e). */
export function devMailboxEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || env().SCP_DEV_MAILBOX;
}

/**
 * SMTP when SMTP_URL is set; otherwise the development mailbox where it exists. In production without
 * SMTP_URL there is no transport: mail stays pending in the outbox until SMTP_URL is configured.
 */
export function transportFromEnv(): MailTransport | null {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) return smtpTransport(SMTP_URL, MAIL_FROM);
  return devMailboxEnabled() ? mailboxTransport : null;
}
