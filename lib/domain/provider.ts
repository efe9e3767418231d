// Names and capabilities of the charging APIs the dashboard drives.
export const PROVIDERS = ["PLUGSURFING", "PETITMONDE", "DEPOTFINITY"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  PLUGSURFING: "Plugsurfing Drive",
  PETITMONDE: "Petit Monde",
  DEPOTFINITY: "DepotFinity",
};

export const CAPABILITIES = [
  "search",
  "bookings",
  "reservations",
  "remoteStartStop",
  "sessionHistory",
  "keys",
  "fleets",
  "invitationCodes",
] as const;
export type Capability = (typeof CAPABILITIES)[number];
