// Money in integer minor units: the one place amounts are added, split into VAT and formatted.
export * from "./money";
