import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  envelopeTo: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
};

/**
 * A real SMTP server on 127.0.0.1 (random port) that records what arrives. `refuse(n, reason)` makes
 * it answer the next n recipients with a temporary 451; `refuseAddress` refuses one address forever.
 * `delayMs` holds each message that long before accepting it (a slow relay); `receiving` counts messages
 * whose data has started to arrive.
 */
export async function startSmtpServer(opts: { delayMs?: number; onMessage?: (mail: ReceivedMail) => void } = {}) {
  const counts = { receiving: 0 };
  const received: ReceivedMail[] = [];
  const refusal = { left: 0, reason: "", address: "" };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const addr = address.address.toLowerCase();
      if (refusal.left > 0 || addr === refusal.address) {
        if (refusal.left > 0) refusal.left--;
        const err = Object.assign(new Error(refusal.reason || "Mailbox busy, try again later"), { responseCode: 451 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      counts.receiving++;
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), ...parseMime(raw), raw };
        received.push(mail);
        opts.onMessage?.(mail);
        if (opts.delayMs) setTimeout(() => callback(), opts.delayMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    receiving: () => counts.receiving,
    refuse(count: number, reason = "Mailbox busy, try again later") {
      Object.assign(refusal, { left: count, reason });
    },
    refuseAddress(address: string, reason: string) {
      Object.assign(refusal, { address: address.toLowerCase(), reason });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for nodemailer's multipart/alternative output (no mailparser dependency). */
function parseMime(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = parseHeaders(head);
  const body = rest.join("\r\n\r\n");
  const boundary = /boundary="?([^";]+)"?/.exec(headers["content-type"] ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  let text = "";
  let html = "";
  for (const part of parts) {
    const [ph, ...pb] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    const h = parseHeaders(ph);
    const decoded = decodeBody(pb.join("\r\n\r\n"), h["content-transfer-encoding"]);
    if ((h["content-type"] ?? "").startsWith("text/html")) html = decoded;
    else if ((h["content-type"] ?? "").startsWith("text/plain")) text = decoded;
  }
  return { headers, subject: decodeWords(headers.subject ?? ""), text: text.replace(/\r\n/g, "\n").trimEnd(), html: html.trimEnd() };
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

function decodeBody(body: string, encoding = "7bit"): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/quoted-printable/i.test(encoding)) return qp(body.replace(/=\r?\n/g, ""));
  return body;
}

function qp(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "=" && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(s[i], "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
    );
}
