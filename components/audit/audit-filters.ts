// The audit log's filters in the page URL: action, actor, object type, a range of days, and the page (its
// number and the cursor it was reached by).
// Parsed by nuqs on the server (the page) and in the browser (the filter bar) alike.
import { createLoader, parseAsInteger, parseAsString } from "nuqs/server";
import { parseAsDay } from "@/components/sessions/day-param";

export const auditFilterParsers = {
  action: parseAsString,
  actor: parseAsString,
  object: parseAsString,
  from: parseAsDay,
  to: parseAsDay,
  page: parseAsInteger.withDefault(1),
  before: parseAsString,
  after: parseAsString,
};

export const loadAuditFilters = createLoader(auditFilterParsers);
