// Plain module (no "server-only"): the offline command reads PDFs with it too.
import { createHash } from "node:crypto";
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  rgb,
  StandardFonts,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import { serializeDocument, verifyDocument, type EvidenceDocument, type TrustedKey, type Verification } from "./document";

/** The names of the two files a certificate PDF carries (PDF attachments, listed by any PDF reader). */
export const JSON_ATTACHMENT = "certificate.json";
export const TEXT_ATTACHMENT = "agreement-version.txt";

/** The PDF's own words, in the reader's language (lib/evidence/certificate.ts reads them from the "Certificate" catalog). */
export type PdfWords = {
  title: string;
  docTitle: string;
  docSubject: string;
  subtitle: string;
  code: string;
  checkAt: string;
  offline: string;
  signature: string;
  key: string;
  attached: string;
  appendix: string;
  page: (page: number, pages: number) => string;
  textDescription: string;
  jsonDescription: string;
};

type Input = {
  document: EvidenceDocument;
  versionText: string;
  /** Printed lines: label and value, in order. */
  fields: [string, string][];
  words: PdfWords;
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

/**
 * The certificate as a PDF (pdf-lib: pure JavaScript, no browser): the fields, the code that opens the Verify
 * page, the signature, and the version's text as an appendix. The signed JSON document and the exact version
 * text are attached to the PDF, so the PDF carries the same signature and anyone can check it
 * (`npm run verify-evidence file.pdf`, or the Verify page). The printed text uses the PDF's standard font:
 * a character it cannot draw is printed as "?"; the attached text is exact, and its SHA-256 is the one signed.
 */
export async function renderCertificatePdf(input: Input): Promise<Uint8Array> {
  const { document: doc, words } = input;
  const pdf = await PDFDocument.create();
  const c = doc.certificate as Record<string, unknown>;
  pdf.setTitle(words.docTitle);
  pdf.setSubject(words.docSubject);
  pdf.setProducer("Service Contracts");
  pdf.setCreator("Service Contracts");
  // Fixed dates: the same certificate renders to the same bytes.
  const when = new Date(String(c.signedAt));
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const mono = await pdf.embedFont(StandardFonts.Courier);
  const w = new Writer(pdf, regular);

  w.text(words.title, { font: bold, size: 20 });
  w.gap(4);
  w.text(words.subtitle, { size: 11, color: grey });
  w.gap(12);
  w.box([
    [words.code, bold, 13],
    [words.checkAt, regular, 9],
    [words.offline, regular, 9],
  ]);
  w.gap(14);
  for (const [label, value] of input.fields) w.field(label, value, bold);
  w.gap(10);
  w.text(words.signature, { font: bold, size: 12 });
  w.gap(2);
  w.text(words.key, { size: 9 });
  w.text(doc.signature.value, { font: mono, size: 8 });
  w.gap(4);
  w.text(words.attached, { size: 8, color: grey });

  w.newPage();
  w.text(words.appendix, { font: bold, size: 14 });
  w.gap(2);
  w.text(`SHA-256 ${String(c.versionSha256)}`, { font: mono, size: 8, color: grey });
  w.gap(10);
  for (const line of input.versionText.replace(/\r\n?/g, "\n").split("\n")) w.text(line === "" ? " " : line, { size: 9.5 });

  const pages = pdf.getPages();
  pages.forEach((p, i) =>
    p.drawText(drawable(words.page(i + 1, pages.length), regular), {
      x: MARGIN,
      y: 28,
      size: 8,
      font: regular,
      color: grey,
    }),
  );

  attachFiles(pdf, [
    {
      name: TEXT_ATTACHMENT,
      bytes: Buffer.from(input.versionText, "utf8"),
      mime: "text/plain",
      description: words.textDescription,
    },
    {
      name: JSON_ATTACHMENT,
      bytes: Buffer.from(serializeDocument(doc), "utf8"),
      mime: "application/json",
      description: words.jsonDescription,
    },
  ]);
  return pdf.save({ useObjectStreams: false });
}

const grey = rgb(0.35, 0.35, 0.4);

/**
 * PDF attachments (an EmbeddedFiles name tree), stored uncompressed: the signed JSON can be read in the PDF's
 * bytes as it is, and a change to one of its bytes is a change to the certificate, not a broken stream.
 * (pdf-lib's own attach() compresses.) Names must be given in sorted order.
 */
function attachFiles(pdf: PDFDocument, files: { name: string; bytes: Uint8Array; mime: string; description: string }[]) {
  const ctx = pdf.context;
  const names = files.flatMap((f) => {
    const stream = ctx.register(ctx.stream(f.bytes, { Type: "EmbeddedFile", Subtype: f.mime, Params: { Size: f.bytes.length } }));
    const spec = ctx.register(
      ctx.obj({
        Type: "Filespec",
        F: PDFString.of(f.name),
        UF: PDFHexString.fromText(f.name),
        Desc: PDFHexString.fromText(f.description),
        EF: { F: stream },
      }),
    );
    return [PDFString.of(f.name), spec];
  });
  pdf.catalog.set(PDFName.of("Names"), ctx.obj({ EmbeddedFiles: { Names: names } }));
}

/** A top-down text cursor over pages, wrapping at the margins. */
class Writer {
  private page: PDFPage;
  private y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.page = this.newPage();
  }
  newPage(): PDFPage {
    this.page = this.pdf.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    return this.page;
  }
  gap(points: number) {
    this.y -= points;
  }
  text(text: string, o: { font?: PDFFont; size?: number; color?: ReturnType<typeof rgb>; indent?: number } = {}) {
    const font = o.font ?? this.font;
    const size = o.size ?? 10;
    const width = A4.width - 2 * MARGIN - (o.indent ?? 0);
    for (const line of wrap(drawable(text, font), font, size, width)) {
      if (this.y - size < MARGIN + 10) this.newPage();
      this.y -= size * 1.3;
      this.page.drawText(line, { x: MARGIN + (o.indent ?? 0), y: this.y, size, font, color: o.color ?? rgb(0.07, 0.07, 0.1) });
    }
  }
  field(label: string, value: string, bold: PDFFont) {
    this.text(label, { font: bold, size: 9, color: grey });
    for (const part of (value || "—").split("\n")) this.text(part, { size: 10.5, indent: 8 });
    this.gap(4);
  }
  box(lines: [string, PDFFont, number][]) {
    const top = this.y;
    this.gap(8);
    for (const [t, f, s] of lines) this.text(t, { font: f, size: s, indent: 10 });
    this.gap(8);
    this.page.drawRectangle({
      x: MARGIN,
      y: this.y,
      width: A4.width - 2 * MARGIN,
      height: top - this.y,
      borderColor: rgb(0.2, 0.4, 0.8),
      borderWidth: 1,
    });
  }
}

/** Characters the standard font cannot draw become "?" (the attached text stays exact). */
function drawable(text: string, font: PDFFont): string {
  const supported = new Set(font.getCharacterSet());
  let out = "";
  for (const ch of text.replace(/\t/g, "    ")) out += supported.has(ch.codePointAt(0)!) ? ch : "?";
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (const word of text.split(/(\s+)/)) {
    if (fits(line + word)) {
      line += word;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = word.trimStart();
    // A word longer than the line (a hash, a URL): cut it.
    while (!fits(line)) {
      let n = line.length - 1;
      while (n > 1 && !fits(line.slice(0, n))) n--;
      lines.push(line.slice(0, n));
      line = line.slice(n);
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** The files attached to a PDF, by name. */
export async function pdfAttachments(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const found = new Map<string, Uint8Array>();
  const names = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of("Names"), PDFArray);
  if (!list) return found;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const name = list.lookup(i);
    const spec = list.lookup(i + 1);
    if (!(name instanceof PDFString || name instanceof PDFHexString) || !(spec instanceof PDFDict)) continue;
    const stream = spec.lookupMaybe(PDFName.of("EF"), PDFDict)?.lookup(PDFName.of("F"));
    if (stream instanceof PDFRawStream) found.set(name.decodeText(), decodePDFRawStream(stream).decode());
  }
  return found;
}

export type PdfVerification = Verification & { appendix?: "matches" | "altered" | "missing" };

/** Checks a certificate PDF: the attached signed document, and that the attached version text is the one signed. */
export async function verifyPdf(bytes: Uint8Array, trusted: TrustedKey[]): Promise<PdfVerification> {
  let files: Map<string, Uint8Array>;
  try {
    files = await pdfAttachments(bytes);
  } catch {
    return { status: "unreadable", reason: "The PDF cannot be read: it is damaged or altered." };
  }
  const json = files.get(JSON_ATTACHMENT);
  if (!json) return { status: "unreadable", reason: "This PDF carries no signed certificate." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(json).toString("utf8"));
  } catch {
    return { status: "altered", keyId: "", fields: [JSON_ATTACHMENT], certificate: {} };
  }
  const result = verifyDocument(parsed, trusted);
  if (result.status !== "valid" && result.status !== "altered") return result;
  const text = files.get(TEXT_ATTACHMENT);
  const appendix = !text
    ? "missing"
    : createHash("sha256").update(text).digest("hex") === result.certificate.versionSha256
      ? "matches"
      : "altered";
  if (appendix === "altered") {
    const fields = result.status === "altered" ? result.fields : [];
    return {
      status: "altered",
      keyId: result.keyId,
      certificate: result.certificate,
      fields: [...fields, "appendix (version text)"],
      appendix,
    };
  }
  return { ...result, appendix };
}

export const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
