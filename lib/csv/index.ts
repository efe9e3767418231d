// CSV export shared by every table: see write-csv.ts.
export * from "./write-csv";
