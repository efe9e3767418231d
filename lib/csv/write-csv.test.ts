import { describe, expect, it } from "vitest";
import {
  csvHead,
  csvRecords,
  csvResponse,
  fixedDecimal,
  moneyCell,
  textStream,
  toCsv,
  type CsvColumn,
} from "./write-csv";

interface Row {
  driver: string;
  start: Date;
  energyKwh: number;
  costMinor: number;
  currency: string;
  note?: string | null;
}

const columns: CsvColumn<Row>[] = [
  { header: "Driver", value: (r) => r.driver },
  { header: "Start (UTC)", value: (r) => r.start },
  { header: "Energy (kWh)", value: (r) => r.energyKwh, decimals: 3 },
  { header: "Cost incl. VAT", value: (r) => moneyCell(r.costMinor, r.currency) },
  { header: "Currency", value: (r) => r.currency },
  { header: "Note", value: (r) => r.note },
];

describe("toCsv", () => {
  const csv = toCsv(columns, [
    {
      driver: "Dora Driver",
      start: new Date("2026-03-01T08:15:00Z"),
      energyKwh: 12.3456,
      costMinor: 1250,
      currency: "EUR",
    },
    {
      driver: 'Jörg "JJ" Müller, Jr.',
      start: new Date("2026-03-02T23:59:59.500Z"),
      energyKwh: 0.1 + 0.2,
      costMinor: 5,
      currency: "EUR",
      note: "line one\nline two",
    },
  ]);

  it("starts with a UTF-8 byte order mark so spreadsheets read umlauts right", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes every field, escapes quotes by doubling, and ends records with CRLF", () => {
    const body = csv.slice(1);
    const lines = body.split("\r\n");
    expect(lines[0]).toBe('"Driver","Start (UTC)","Energy (kWh)","Cost incl. VAT","Currency","Note"');
    expect(lines[1]).toBe('"Dora Driver","2026-03-01T08:15:00.000Z","12.346","12.50","EUR",""');
    // The embedded newline stays inside its quoted field; the record still ends with CRLF.
    expect(body).toContain(
      '"Jörg ""JJ"" Müller, Jr.","2026-03-02T23:59:59.500Z","0.300","0.05","EUR","line one\nline two"\r\n',
    );
    expect(body.endsWith("\r\n")).toBe(true);
    expect(body.match(/\r\n/g)).toHaveLength(3);
  });

  it("keeps text that looks like a formula as text", () => {
    const out = toCsv(
      [{ header: "Name", value: (r: { name: string }) => r.name }],
      [{ name: '=HYPERLINK("x")' }, { name: "@SUM(A1)" }],
    );
    expect(out).toContain(`"'=HYPERLINK(""x"")"`);
    expect(out).toContain(`"'@SUM(A1)"`);
    const amounts = toCsv([{ header: "Amount", value: (r: { v: string }) => r.v }], [{ v: "-12.50" }, { v: "-1+1" }]);
    expect(amounts).toContain(`"-12.50"`);
    expect(amounts).toContain(`"'-1+1"`);
  });

  it("writes only the header for no rows", () => {
    expect(toCsv(columns, [])).toBe(
      '\uFEFF"Driver","Start (UTC)","Energy (kWh)","Cost incl. VAT","Currency","Note"\r\n',
    );
  });
});

describe("csvHead and csvRecords", () => {
  const rows: Row[] = [
    {
      driver: 'Jörg "JJ" Müller, Jr.',
      start: new Date("2026-03-02T23:59:59.500Z"),
      energyKwh: 0.3,
      costMinor: 5,
      currency: "EUR",
    },
    {
      driver: "=cmd",
      start: new Date("invalid"),
      energyKwh: Number.NaN,
      costMinor: -1250,
      currency: "EUR",
      note: "a\r\nb",
    },
    { driver: "", start: new Date(0), energyKwh: 123456.7891, costMinor: 0, currency: "JPY", note: '""' },
    { driver: "tab\there", start: new Date(1), energyKwh: -0, costMinor: 1, currency: "", note: null },
  ];

  it("write in pieces what toCsv writes at once, byte for byte", () => {
    const pieces = csvHead(columns) + csvRecords(columns, rows.slice(0, 1)) + csvRecords(columns, rows.slice(1));
    expect(pieces).toBe(toCsv(columns, rows));
    expect(csvHead(columns) + csvRecords(columns, [])).toBe(toCsv(columns, []));
  });

  it("stream pieces as UTF-8, one asked for at a time", async () => {
    let asked = 0;
    async function* pieces() {
      for (const piece of ["\uFEFF", "ä", "b"]) {
        asked++;
        yield piece;
      }
    }
    const stream = textStream(pieces());
    const reader = stream.getReader();
    expect(Buffer.from((await reader.read()).value!)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(asked).toBeLessThan(3);
    const rest: number[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest.push(...next.value);
    expect(Buffer.from(rest).toString("utf8")).toBe("äb");
  });
});

describe("numbers", () => {
  it("always uses a dot and a fixed number of places", () => {
    expect(fixedDecimal(1.005, 2)).toBe("1.01");
    expect(fixedDecimal(2, 3)).toBe("2.000");
    expect(fixedDecimal(-0.5, 0)).toBe("-1");
    expect(fixedDecimal(1e-7, 2)).toBe("0.00");
    expect(fixedDecimal(1234567.891, 2)).toBe("1234567.89");
  });

  it("writes money with the currency's own decimals and leaves unknown amounts empty", () => {
    expect(moneyCell(1234, "EUR")).toBe("12.34");
    expect(moneyCell(1234, "JPY")).toBe("1234");
    expect(moneyCell(-99, "EUR")).toBe("-0.99");
    expect(moneyCell(null, "EUR")).toBe("");
    expect(moneyCell(100, null)).toBe("");
  });
});

describe("csvResponse", () => {
  it("declares UTF-8 CSV as a download with a safe file name", async () => {
    const response = csvResponse('\uFEFF"a"\r\n', "sessions 2026/03.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="sessions_2026_03.csv"');
    expect(new Uint8Array(await response.arrayBuffer()).subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});
