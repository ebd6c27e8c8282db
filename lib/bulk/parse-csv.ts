import { errorKey } from "@/lib/message-keys";
import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { BULK_MAX_ROWS } from "./schemas";

/** The columns of an invitation file, with the header names each accepts (case, spaces, _ and - ignored). */
export const BULK_COLUMNS = {
  signeeEmail: { label: "signee email", names: ["signeeemail", "email", "signee"], required: true },
  companyName: { label: "company name", names: ["companyname", "company"], required: false },
  noteToSignee: { label: "note to signee", names: ["notetosignee", "note"], required: true },
  kind: { label: "kind", names: ["kind"], required: true },
  program: { label: "program", names: ["program"], required: false },
  delegate: { label: "delegate", names: ["delegate"], required: false },
  /** Issue 24: the signee's email language (en, de, es, fr, pt-BR); empty = the uploader's language. */
  language: { label: "language", names: ["language", "locale", "lang", "signeelanguage"], required: false },
} as const;
export type BulkColumn = keyof typeof BULK_COLUMNS;
export type BulkRecord = { row: number; extraCells: boolean } & Record<BulkColumn, string>;

const norm = (h: string) => h.toLowerCase().replace(/[\s_\-.]/g, "");

/**
 * Reads the CSV (csv-parse: quoted fields, embedded commas and newlines, a BOM, ; or , as delimiter).
 * `row` is the spreadsheet row number (the header is row 1). Refuses a file without the required
 * columns or with more than BULK_MAX_ROWS rows.
 */
export function parseBulkCsv(csv: string): BulkRecord[] {
  const firstLine = csv.slice(0, csv.indexOf("\n") >= 0 ? csv.indexOf("\n") : csv.length);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(csv, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 10_000 });
  } catch (e) {
    const line = e && typeof e === "object" && "lines" in e ? String((e as { lines: number }).lines) : null;
    throw new AppError("invalid", line === null ? errorKey("csvUnreadable") : errorKey("csvUnreadableNear", { line }), {
      csv: errorKey("csvUnreadableField"),
    });
  }
  const [header, ...data] = records;
  if (!header) throw new AppError("invalid", errorKey("csvEmpty"), { csv: errorKey("csvEmpty") });
  const index = {} as Record<BulkColumn, number>;
  const missing: string[] = [];
  for (const [key, col] of Object.entries(BULK_COLUMNS) as [BulkColumn, (typeof BULK_COLUMNS)[BulkColumn]][]) {
    index[key] = header.findIndex((h) => (col.names as readonly string[]).includes(norm(h)));
    if (index[key] < 0 && col.required) missing.push(col.label);
  }
  if (missing.length) {
    const message = errorKey("csvMissingColumns", { columns: missing.join(", ") });
    throw new AppError("invalid", message, { csv: message });
  }
  if (data.length === 0) throw new AppError("invalid", errorKey("csvNoRows"), { csv: errorKey("csvNoRowsField") });
  if (data.length > BULK_MAX_ROWS) {
    const message = errorKey("csvTooManyRows", { rows: data.length, max: BULK_MAX_ROWS });
    throw new AppError("invalid", message, { csv: message });
  }
  return data.map((cells, i) => {
    const get = (k: BulkColumn) => (index[k] >= 0 ? (cells[index[k]] ?? "") : "");
    return {
      row: i + 2,
      // More cells than the header names: usually a comma inside an unquoted text.
      extraCells: cells.length > header.length,
      signeeEmail: get("signeeEmail"),
      companyName: get("companyName"),
      noteToSignee: get("noteToSignee"),
      kind: get("kind"),
      program: get("program"),
      delegate: get("delegate"),
      language: get("language"),
    };
  });
}
