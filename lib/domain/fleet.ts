// Fleets at the providers and their invitation codes.
export interface ProviderFleet {
  /** Plugsurfing EMP fleetId: ≤ 100 characters, unique, never changes. */
  fleetId: string;
  fleetName?: string;
}

export interface InvitationCode {
  code: string;
}
