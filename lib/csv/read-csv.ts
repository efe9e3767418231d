// Reading the CSV files admins import (depot chargers, vehicles): RFC 4180 records, the delimiter a
// spreadsheet chose, header names as people write them.

/** RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks. */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** "Battery kWh", "battery-kwh" and "battery_kwh" are one column. */
export function headerName(cell: string): string {
  return cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Spreadsheets set to German write ";" between cells; the header says which one the file uses. */
export function delimiterOf(firstLine: string): string {
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

export interface CsvFile {
  /** The header's column names (see headerName); empty when the file has no non-empty line. */
  header: string[];
  /** The header's line in the file, counting from 1 as a spreadsheet does. */
  headerLine: number;
  /** Every non-empty record after the header, with its line. */
  rows: Array<{ cells: string[]; line: number }>;
}

/**
 * A file as header and rows, a byte-order mark and blank lines left out. Lines are records: a quoted cell
 * with a line break in it makes its record's line the one it starts on.
 */
export function readCsv(text: string): CsvFile {
  const body = text.replace(/^\uFEFF/, "");
  const records = parseCsvRecords(body, delimiterOf(body.split(/\r?\n/, 1)[0] ?? ""));
  const headerIndex = records.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (headerIndex === -1) return { header: [], headerLine: 1, rows: [] };
  return {
    header: records[headerIndex].map(headerName),
    headerLine: headerIndex + 1,
    rows: records
      .map((cells, i) => ({ cells, line: i + 1 }))
      .slice(headerIndex + 1)
      .filter(({ cells }) => cells.some((c) => c.trim() !== "")),
  };
}
