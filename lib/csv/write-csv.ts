// Spreadsheet-safe CSV: UTF-8 with BOM, every field quoted, CRLF, ISO 8601 dates, "." decimals with fixed places.
import { stringify } from "csv-stringify/sync";
import { minorToDecimalString, minorUnitDigits } from "@/lib/money";

export type CsvCell = string | number | boolean | Date | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value(row: Row): CsvCell;
  /** Numbers in this column are written with exactly this many decimal places. */
  decimals?: number;
}

const BOM = "\uFEFF";

/** Text starting like a formula would run in a spreadsheet; a leading apostrophe keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A negative amount such as "-12.50" is a number to a spreadsheet, not a formula: it stays as it is. */
const PLAIN_NUMBER = /^-\d+(\.\d+)?$/;

function cellText(value: CsvCell, decimals: number | undefined): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return decimals === undefined ? String(value) : fixedDecimal(value, decimals);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** A number with a fixed count of decimals and "." as separator, whatever the locale. */
export function fixedDecimal(value: number, decimals: number): string {
  if (Number.isInteger(value) && decimals === 0) return String(value);
  // toFixed rounds binary floats (1.005 → "1.00"); going through a scaled integer rounds the decimal we see.
  const [mantissa, exponent = "0"] = String(value).split("e");
  const scaled = Math.sign(value) * Math.round(Math.abs(Number(`${mantissa}e${Number(exponent) + decimals}`)));
  return minorToDecimalString(scaled, decimals);
}

/** A money cell: minor units as a decimal with the currency's own number of places ("12.50" EUR, "1200" JPY). */
export function moneyCell(amountMinor: number | null | undefined, currency: string | null | undefined): string {
  if (amountMinor === null || amountMinor === undefined || !currency) return "";
  return minorToDecimalString(amountMinor, minorUnitDigits(currency));
}

export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Iterable<Row>): string {
  const records: string[][] = [columns.map((c) => c.header)];
  for (const row of rows) records.push(columns.map((c) => cellText(c.value(row), c.decimals)));
  return BOM + stringify(records, { quoted: true, quoted_empty: true, record_delimiter: "\r\n", eof: true });
}

const QUOTE = /"/g;

/** A field as toCsv writes it: quoted, quotes inside doubled. */
const field = (text: string) => (text.includes('"') ? `"${text.replace(QUOTE, '""')}"` : `"${text}"`);

function record(fields: string[]): string {
  return fields.map(field).join(",") + "\r\n";
}

/** The start of a file that is written piece by piece: the BOM and the header record, as toCsv writes them. */
export function csvHead<Row>(columns: CsvColumn<Row>[]): string {
  return BOM + record(columns.map((c) => c.header));
}

/** Records of rows, as toCsv writes them after its header: csvHead + csvRecords of every piece = toCsv. */
export function csvRecords<Row>(columns: CsvColumn<Row>[], rows: Iterable<Row>): string {
  let out = "";
  for (const row of rows) {
    let line = "";
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      line += (i ? "," : "") + field(cellText(column.value(row), column.decimals));
    }
    out += line + "\r\n";
  }
  return out;
}

/** Text pieces as a byte stream that asks for the next piece only when the reader is ready for it. */
export function textStream(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/** A download response: the file name says what and when, the type says UTF-8 CSV. */
export function csvResponse(csv: string | ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
