// The contract every charging API implements, split by capability so that the facade can pick
// providers by what they can do and a missing implementation is a compile error.
import type {
  Capability,
  ChargingKey,
  ChargingLocation,
  ChargingSession,
  ConnectorStandard,
  CreateBookingRequest,
  InvitationCode,
  ProviderBooking,
  ProviderFleet,
  ProviderName,
  RemoteStartResult,
  BookingStatus,
  SessionStatus,
} from "@/lib/domain";

export interface CallOptions {
  signal?: AbortSignal;
}

export interface SearchQuery {
  latitude: number;
  longitude: number;
  /** Radius in metres; each provider converts it to its own unit and maximum. */
  radiusM: number;
  connectorStandards?: ConnectorStandard[];
  minPowerKw?: number;
  powerType?: "AC" | "DC";
  availableNow?: boolean;
  reservableOnly?: boolean;
  /** Only chargers bookable in this window (Petit Monde start_time/end_time). */
  window?: { start: Date; end: Date };
  limit?: number;
}

export interface SearchCapable {
  search(query: SearchQuery, options?: CallOptions): Promise<ChargingLocation[]>;
  /** A single location; with fleetId, the fleet's own pricing where the provider offers it. */
  getLocation?(locationId: string, fleetId?: string, options?: CallOptions): Promise<ChargingLocation | null>;
}

export interface BookingsCapable {
  /** Never blindly retried: after an ambiguous failure the client looks the booking up by externalId. */
  createBooking(request: CreateBookingRequest, options?: CallOptions): Promise<ProviderBooking>;
  getBooking(bookingId: string, options?: CallOptions): Promise<ProviderBooking>;
  listBookings(
    filter: { status?: BookingStatus[]; from?: Date; to?: Date; limit?: number },
    options?: CallOptions,
  ): Promise<ProviderBooking[]>;
  findBookingByExternalId(externalId: string, options?: CallOptions): Promise<ProviderBooking | null>;
  cancelBooking(bookingId: string, reason: string, options?: CallOptions): Promise<ProviderBooking>;
}

export interface ReservationsCapable {
  reserve(
    request: { chargerId: string; connectorId: string; start: Date; end: Date; rfidValue: string },
    options?: CallOptions,
  ): Promise<{ reservationId: string }>;
  removeReservation(reservationId: string, options?: CallOptions): Promise<void>;
  chargerAvailability(
    chargerId: string,
    options?: CallOptions,
  ): Promise<
    Array<{ timestamp: string; status: "Available" | "Unavailable" | "Faulted" | (string & {}); errorCode?: string }>
  >;
}

export interface RemoteStartStopCapable {
  startSession(userId: string, connectorId: string, options?: CallOptions): Promise<RemoteStartResult>;
  stopSession(userId: string, sessionId: string, options?: CallOptions): Promise<void>;
  getSession(userId: string, sessionId: string, options?: CallOptions): Promise<ChargingSession>;
}

export interface SessionHistoryPage {
  sessions: ChargingSession[];
  /** Absent on the last page. */
  cursor?: string;
}

export interface SessionHistoryCapable {
  sessionHistory(
    userId: string,
    query: {
      statuses?: SessionStatus[];
      chargingKeyId?: string;
      startTime?: Date;
      endTime?: Date;
      cursor?: string;
      limit?: number;
    },
    options?: CallOptions,
  ): Promise<SessionHistoryPage>;
}

export interface KeysCapable {
  listUserKeys(userId: string, options?: CallOptions): Promise<ChargingKey[]>;
  listFleetKeys(
    fleetId: string,
    page: { cursor?: string; pageSize?: number },
    options?: CallOptions,
  ): Promise<{ keys: ChargingKey[]; cursor?: string }>;
  createFleetKey(
    key: { keyIdentifier: string; visualNumber: string; fleetId?: string; validTo?: Date },
    options?: CallOptions,
  ): Promise<ChargingKey>;
  setKeyEnabled(keyIdentifier: string, enabled: boolean, options?: CallOptions): Promise<void>;
}

export interface FleetsCapable {
  createFleet(fleet: ProviderFleet, options?: CallOptions): Promise<ProviderFleet>;
  renameFleet(fleetId: string, newName: string, options?: CallOptions): Promise<ProviderFleet>;
}

export interface InvitationCodesCapable {
  /** A 404 from Plugsurfing means "no active codes": resolved as an empty list. */
  listInvitationCodes(fleetId: string, options?: CallOptions): Promise<InvitationCode[]>;
}

/** Capability name → the interface that implements it. */
export interface CapabilityInterfaces {
  search: SearchCapable;
  bookings: BookingsCapable;
  reservations: ReservationsCapable;
  remoteStartStop: RemoteStartStopCapable;
  sessionHistory: SessionHistoryCapable;
  keys: KeysCapable;
  fleets: FleetsCapable;
  invitationCodes: InvitationCodesCapable;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A provider that declares capabilities C must implement every interface of C. */
export type ProviderAdapter<C extends Capability> = {
  readonly name: ProviderName;
  readonly capabilities: readonly C[];
} & UnionToIntersection<CapabilityInterfaces[C]>;
