// A calendar day in the URL ("2026-03-01"), for the date filters of sessions, reports and the audit log:
// anything else in the address is ignored rather than sent to the server.
import { createParser } from "nuqs/server";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const parseAsDay = createParser({
  parse: (value: string) => (ISO_DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : null),
  serialize: (day: string) => day,
});
