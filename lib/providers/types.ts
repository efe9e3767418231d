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
  PriceEstimate,
  ProviderName,
  RemoteStartResult,
  SessionRecord,
  BookingStatus,
  SessionStatus,
} from "@/lib/domain";
import type { ErrorText } from "@/lib/errors";

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
  /**
   * Chargers the fleet configured itself, for providers that publish no charger list: such a provider
   * searches these (and may add live status); every other provider ignores them.
   */
  fleetChargers?: readonly FleetCharger[];
}

/** A charger a fleet's admin configured in the dashboard, with the ids its provider knows it by. */
export interface FleetCharger {
  chargerId: string;
  name: string;
  latitude: number;
  longitude: number;
  address?: string;
  /** IANA time zone. */
  timeZone?: string;
  connectors: ReadonlyArray<{ connectorId: string; standard: ConnectorStandard; powerKw: number }>;
}

/** A count of the locations a search would find, per area: for a map viewport too large for single chargers. */
export interface AggregateQuery extends Omit<SearchQuery, "limit" | "window" | "reservableOnly" | "fleetChargers"> {
  /** Geohash precision of the areas (2–9). */
  precision: number;
}

export interface SearchCapable {
  search(query: SearchQuery, options?: CallOptions): Promise<ChargingLocation[]>;
  /** Counts per area, where the provider can count (PROVIDER_FEATURES search.lowZoom "provider"). */
  aggregate?(
    query: AggregateQuery,
    options?: CallOptions,
  ): Promise<Array<{ latitude: number; longitude: number; count: number }>>;
  /** A single location; with fleetId, the fleet's own pricing where the provider offers it. */
  getLocation?(locationId: string, fleetId?: string, options?: CallOptions): Promise<ChargingLocation | null>;
}

/** A booking the dashboard holds, as much as a provider needs to look it up again. */
export interface OpenBookingRef {
  providerBookingId: string;
  status: BookingStatus;
  createdAt: Date;
  windowStart: Date;
  windowEnd: Date;
  locationId: string;
  evseUid: string;
  connectorId: string | null;
}

/** What a booking request whose answer was lost did at the provider. */
export type LostAnswerFinding =
  /** It exists: adopt it. */
  | { kind: "booked"; booking: ProviderBooking }
  /** Provably nothing was booked: sending the same request again is safe. */
  | { kind: "not-booked" }
  /** The provider offers no way to tell: a person decides (keep it or remove it). */
  | { kind: "unknown"; reason: ErrorText };

/** Removing what a request may have booked when its provider id was never learnt. */
export type ReleaseOutcome =
  | { kind: "removed"; booking?: ProviderBooking }
  | { kind: "nothing-there" }
  /** A reservation exists and cannot be removed from here; `message` says what to do instead. */
  | { kind: "held"; message: ErrorText };

/**
 * The booking port: Petit Monde bookings and DepotFinity reservations alike. A provider that confirms at
 * once (DepotFinity's 201) answers CONFIRMED; one that asks the operator first answers REQUESTED.
 */
export interface BookingsCapable {
  /** Books once per externalId; throws ProviderError (OUTCOME_UNKNOWN when the answer was lost). */
  book(request: CreateBookingRequest, options?: CallOptions): Promise<ProviderBooking>;
  /** Finds out what a request whose answer was lost did; throws a retryable ProviderError if it cannot ask now. */
  investigate(request: CreateBookingRequest, options?: CallOptions): Promise<LostAnswerFinding>;
  cancel(bookingId: string, reason: string, options?: CallOptions): Promise<ProviderBooking>;
  /** Removes whatever `request` may have booked, for a booking whose provider id is unknown. */
  release(request: CreateBookingRequest, options?: CallOptions): Promise<ReleaseOutcome>;
  /**
   * Fresh reports for open bookings, keyed by provider booking id; a booking left out has not moved.
   * `requests` counts the provider calls it took (the quota is part of the job).
   */
  refresh(
    open: OpenBookingRef[],
    options?: CallOptions & { now?: Date },
  ): Promise<{ reports: Map<string, ProviderBooking>; requests: number }>;
  /**
   * Where a provider's sessions are its bookings: the session a finished booking stands for, so the
   * reconciler records it from the report it already has (null when the booking stands for none).
   */
  sessionOf?(booking: ProviderBooking): SessionRecord | null;
}

/** The remote-control port: start, follow and stop a session for a driver (their provider user id). */
export interface RemoteStartStopCapable {
  /** A second start on the same connector within this many seconds is refused. */
  readonly restartGuardSeconds: number;
  /** Makes the driver known to the provider before a start; nothing happens when it already knows them. */
  ensureDriver(userId: string, email?: string, options?: CallOptions): Promise<void>;
  startSession(userId: string, connectorId: string, options?: CallOptions): Promise<RemoteStartResult>;
  stopSession(userId: string, sessionId: string, options?: CallOptions): Promise<void>;
  getSession(userId: string, sessionId: string, options?: CallOptions): Promise<ChargingSession>;
  /** The session as it stands now, ready to store. */
  liveSession(userId: string, sessionId: string, options?: CallOptions): Promise<SessionRecord>;
}

export interface CompletedSessionsQuery {
  /** The driver's provider user id, for a source listed per driver. */
  userId?: string;
  /** Only sessions that started at or after this time. */
  since?: Date;
  /** Where the previous page ended. */
  cursor?: string;
  limit?: number;
}

export interface CompletedSessionsPage {
  sessions: SessionRecord[];
  /** Absent on the last page. */
  cursor?: string;
}

/**
 * The session-source port: completed sessions since a time, page by page, as domain records with money,
 * energy and VAT already normalised. A "driver" source is asked once per driver who has the provider's
 * driverIdentity (lib/domain/provider.ts); an "account" source once for the whole account.
 */
export interface SessionSourceCapable {
  readonly sessionScope: "driver" | "account";
  /**
   * Where each request counts against a tight quota: the least minutes between two incremental pulls (the
   * nightly full pull still runs). Absent: every pull the sync job makes.
   */
  readonly incrementalSyncMinutes?: number;
  completedSessions(query: CompletedSessionsQuery, options?: CallOptions): Promise<CompletedSessionsPage>;
}

/** The fleet's own price at a location, where the provider prices per fleet. */
export interface FleetPricingCapable {
  /** Null when the location has only the public price, or the provider turned out not to offer fleet prices. */
  fleetPrice(locationId: string, providerFleetId: string, options?: CallOptions): Promise<PriceEstimate | null>;
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
  setKeyEnabled(keyIdentifier: string, enabled: boolean, options?: CallOptions): Promise<ChargingKeyState>;
}

/** A new fleet key: the card's UID and the number printed on it. */
export interface NewFleetKey {
  keyIdentifier: string;
  visualNumber: string;
  validTo?: Date;
}

export interface ChargingKeyState {
  keyId: string;
  enabled: boolean;
}

/**
 * The fleet's own charging keys at one provider, in the domain's words (Plugsurfing EMP keys, DepotFinity
 * RFID tags): domain code reaches it through `keyPort()` and never needs to know which vendor it is.
 */
export interface FleetKeysCapable {
  /** Every key of the fleet there; null where the provider cannot list them (our copy is then the record). */
  listKeys(
    fleet: ProviderFleet,
    options?: CallOptions & { pageSize?: number; maxPages?: number },
  ): Promise<ChargingKey[] | null>;
  /** Registers a new key for the fleet; a ProviderError CONFLICT where the provider already has it. */
  createKey(fleet: ProviderFleet, key: NewFleetKey, options?: CallOptions): Promise<ChargingKey>;
  /** Setting the state a key already has is harmless, so a reconciler may repeat it. */
  setKeyEnabled(keyId: string, enabled: boolean, options?: CallOptions): Promise<ChargingKeyState>;
}

/** A provider's key capability together with its name (stored with each key row). */
export type KeyPort = FleetKeysCapable & { readonly name: ProviderName };

export interface FleetsCapable {
  createFleet(fleet: ProviderFleet, options?: CallOptions): Promise<ProviderFleet>;
  renameFleet(fleetId: string, newName: string, options?: CallOptions): Promise<ProviderFleet>;
}

export interface InvitationCodesCapable {
  /** A 404 from Plugsurfing means "no active codes": resolved as an empty list. */
  listInvitationCodes(fleetId: string, options?: CallOptions): Promise<InvitationCode[]>;
}

/** Capability name → the interface that implements it. */
/** An optional, undocumented list of the provider's chargers, offered as an import where it answers. */
export interface ChargerListCapable {
  /** False once the list answered 404 in this process. */
  readonly chargerListAvailable: boolean;
  /** null when the provider has no such list. */
  chargerList(options?: CallOptions): Promise<FleetCharger[] | null>;
}

export interface CapabilityInterfaces {
  search: SearchCapable;
  chargerList: ChargerListCapable;
  bookings: BookingsCapable;
  remoteStartStop: RemoteStartStopCapable;
  sessionHistory: SessionHistoryCapable;
  sessionSource: SessionSourceCapable;
  fleetPricing: FleetPricingCapable;
  keys: KeysCapable;
  fleetKeys: FleetKeysCapable;
  fleets: FleetsCapable;
  invitationCodes: InvitationCodesCapable;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A provider that declares capabilities C must implement every interface of C. */
export type ProviderAdapter<C extends Capability> = {
  readonly name: ProviderName;
  readonly capabilities: readonly C[];
} & UnionToIntersection<CapabilityInterfaces[C]>;
