// The sandbox's mutable state (everything clients create) and its JSON persistence in dataDir.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Scenarios } from "./scenarios";

export interface PlugsurfingUser {
  id: string;
  email?: string;
  /** Simulated ms; the generated charging history ends here. */
  createdAt: number;
}

export interface PlugsurfingSession {
  id: string;
  userId: string;
  connectorId: string;
  chargingKeyId: string;
  createdAt: number;
  /** Why the start failed, when it did (non remote-capable or occupied charger). */
  failure?: string;
  startDelayMs: number;
  /** The driver unplugs this long after charging started, with no API call. */
  plugDurationMs: number;
  vehicleKw: number;
  energyNeedWh: number;
  stopRequestedAt?: number;
  stopAttempts: number;
  stopFailedAt?: number;
  /** Scenario (sandbox/scenarios.ts): started, but never charges and never ends by itself. */
  stuck?: boolean;
  /** Scenario: every stop fails at the charger. */
  stopFails?: boolean;
  /** Scenario: the price is this many times the tariff's. */
  priceFactor?: number;
}

export interface CardReservation {
  uid: string;
  visualNumber: string;
  type: "TAG" | "CARD";
  reservedAt: number;
}

export interface PlugsurfingFleet {
  fleetId: string;
  fleetName?: string;
  invitationCodes: string[];
  createdAt: number;
}

export interface EmpKey {
  keyIdentifier: string;
  visualNumber: string;
  contractId: string;
  fleetId?: string;
  enabled: boolean;
  validTo?: string;
  createdAt: number;
}

export type PetitMondeStatus =
  "REQUESTED" | "PENDING" | "CONFIRMED" | "ATTENDING" | "COMPLETED" | "EXPIRED" | "NO_SHOW" | "CANCELLED";

export interface PetitMondeBooking {
  id: string;
  externalId: string;
  locationId: string;
  evseUid: string;
  connectorId?: string;
  reservationStart: number;
  reservationEnd: number;
  createdAt: number;
  tokenStrategy: "driver_token" | "group_token" | "ad_hoc";
  customerId?: string;
  tokenId?: string;
  fleetGroupId?: string;
  estimatedPriceEur: number;
  cpoReservationId: string;
  cancelledAt?: number;
  cancelReason?: string;
  cancellationFeeEur?: number;
  /** Set by the admin endpoint: the booking stays in this status from `at` on. */
  forced?: { status: PetitMondeStatus; at: number; noShowFeeEur?: number };
  /** Scenario (sandbox/scenarios.ts): the final client price is this many times the estimate's reckoning. */
  priceFactor?: number;
}

export interface FleetGroup {
  id: string;
  monthlyLimitEur: number;
  perSessionLimitEur: number;
}

export interface DepotReservation {
  id: string;
  chargerId: string;
  connectorId: string;
  start: number;
  end: number;
  authorizationType: string;
  authorizationValue: string;
  createdAt: number;
  removedAt?: number;
}

export interface SandboxState {
  version: 1;
  seed: number;
  clockOffsetMs: number;
  timeScale?: number;
  /** The watchdog scenarios in force (sandbox/scenarios.ts); absent in older state files. */
  scenarios?: Scenarios;
  plugsurfing: {
    users: Record<string, PlugsurfingUser>;
    sessions: Record<string, PlugsurfingSession>;
    cardReservations: Record<string, CardReservation>;
    fleets: Record<string, PlugsurfingFleet>;
    empKeys: Record<string, EmpKey>;
  };
  petitMonde: {
    bookings: Record<string, PetitMondeBooking>;
    fleetGroups: Record<string, FleetGroup>;
    /** Requests counted against the monthly quota, per UTC month ("2026-11"). */
    monthlyUsage: Record<string, number>;
  };
  depot: {
    reservations: Record<string, DepotReservation>;
    rfid: Record<string, { enabled: boolean; createdAt: number }>;
    /** access token → real expiry time (ms). */
    tokens: Record<string, number>;
  };
}

export function emptyState(seed: number): SandboxState {
  return {
    version: 1,
    seed,
    clockOffsetMs: 0,
    plugsurfing: { users: {}, sessions: {}, cardReservations: {}, fleets: {}, empKeys: {} },
    petitMonde: { bookings: {}, fleetGroups: {}, monthlyUsage: {} },
    depot: { reservations: {}, rfid: {}, tokens: {} },
  };
}

const STATE_FILE = "state.json";
const WRITE_DELAY_MS = 250;

/** Holds the state and writes it debounced after changes, and at once on flush (stop). */
export class StateStore {
  readonly state: SandboxState;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(
    private readonly dataDir: string,
    seed: number,
    private readonly beforeWrite: (state: SandboxState) => void = () => {},
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.state = loadState(path.join(dataDir, STATE_FILE)) ?? emptyState(seed);
  }

  changed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, WRITE_DELAY_MS);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.beforeWrite(this.state);
    const file = path.join(this.dataDir, STATE_FILE);
    const temporary = `${file}.${process.pid}.tmp`;
    // Write then rename, so a crash mid-write never leaves a truncated state file.
    writeFileSync(temporary, JSON.stringify(this.state));
    renameSync(temporary, file);
    this.dirty = false;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }
}

function loadState(file: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const parsed = JSON.parse(text) as SandboxState;
  if (parsed.version !== 1) throw new Error(`Unsupported sandbox state version in ${file}`);
  return parsed;
}
