// The names of the alert kinds, without their words (the alerts page's filter reads them in the browser).
export const ALERT_KINDS = [
  "session.no_energy",
  "session.too_long",
  "session.stop_failed",
  "session.start_failed",
  "booking.unconfirmed",
  "booking.expired",
  "booking.no_show",
  "session.cost_above_estimate",
  "policy.breach",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
