"use client";
// The session history's filters as they stand in the URL, read and written with nuqs.
import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { parseAsDay } from "./day-param";

export const sessionFilterParsers = {
  status: parseAsString,
  from: parseAsDay,
  to: parseAsDay,
  driverId: parseAsString,
  keyId: parseAsString,
  operator: parseAsString,
  country: parseAsString,
  page: parseAsInteger.withDefault(1),
};

export type SessionFilterKey = Exclude<keyof typeof sessionFilterParsers, "page">;

/** The filters and page from the URL; changing a filter goes back to the first page. */
export function useSessionFilters() {
  const [params, setParams] = useQueryStates(sessionFilterParsers, { history: "replace", scroll: false });
  const { page, ...filters } = params;
  return {
    page,
    /** Only the filters that are set, ready for the read API. */
    filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== null)) as Partial<
      Record<SessionFilterKey, string>
    >,
    setFilter: (key: SessionFilterKey, value: string) => void setParams({ [key]: value || null, page: null }),
    setPage: (next: number) => void setParams({ page: next }),
  };
}
