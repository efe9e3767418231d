// The alerts list's state in the page's URL (view, kind, page), read alike by the page and the browser.
// No zod here: the list's first load carries none.
import { parseAsInteger, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { ALERT_KINDS } from "./kind-names";

export const ALERT_VIEWS = ["open", "closed", "all"] as const;
export const ALERTS_PAGE_SIZE = 25;

export const alertListParams = {
  status: parseAsStringLiteral(ALERT_VIEWS).withDefault("open"),
  kind: parseAsStringLiteral(ALERT_KINDS),
  page: parseAsInteger.withDefault(1),
};
export type AlertListState = inferParserType<typeof alertListParams>;

/** The list endpoint's parameters for a URL state (no kind: every kind). */
export function alertListQuery(fleetId: string, state: AlertListState) {
  return { fleetId, status: state.status, page: Math.max(1, state.page), ...(state.kind ? { kind: state.kind } : {}) };
}
