// Charging sessions and their costs, in integer minor units.
import type { ProviderFeatures, ProviderName } from "./provider";

/** Plugsurfing statuses seen in the docs; unknown values are kept as they come. */
export const KNOWN_SESSION_STATUSES = ["WAITING_TO_START", "STARTED", "STOP_FAILED", "COMPLETE"] as const;
export type SessionStatus = (typeof KNOWN_SESSION_STATUSES)[number] | (string & {});

export const BALANCE_STATUSES = ["PROCESSING", "PAID", "DEBT", "REFUND"] as const;
export type BalanceStatus = (typeof BALANCE_STATUSES)[number] | (string & {});

export interface SessionPrice {
  currency: string;
  exclVatMinor: number;
  inclVatMinor: number;
  /** 25 % = 2500. */
  vatRateBasisPoints: number;
}

export interface ChargingSession {
  provider: ProviderName;
  sessionId: string;
  status: SessionStatus;
  balanceStatus?: BalanceStatus;
  startTime: string;
  durationSeconds?: number;
  energyWh?: number;
  price?: SessionPrice;
  paymentMethod?: string;
  receiptAvailable: boolean;
  connectorId?: string;
  evseId?: string;
  chargerName?: string;
  connectorLabel?: string;
  site?: string;
  /** The charging key used, when the provider says. */
  chargingKeyId?: string;
}

/** What a remote start answers: always a session id, or a 3-D Secure challenge to show the driver. */
export interface RemoteStartResult {
  sessionId?: string;
  threeDSClientSecret?: string;
}

/** A metered charge at one of the fleet's own depot chargers (DepotFinity transactions). */
export interface ChargingTransaction {
  provider: ProviderName;
  transactionId: string;
  chargerId: string;
  connectorId: string;
  vehicleId?: string;
  /** The RFID value that authorised it. */
  authorizationValue?: string;
  startTime: string;
  stopTime?: string;
  energyWh?: number;
  cost?: { amountMinor: number; currency: string };
}

/**
 * A charge as it is stored: money in minor units with net, gross and VAT rate as far as the provider
 * says (null where it does not), energy in Wh, times as dates. Each provider's transform builds it.
 */
export interface SessionRecord {
  source: ProviderFeatures["sessionSource"];
  providerSessionId: string;
  status: SessionStatus;
  balanceStatus: BalanceStatus | null;
  startTime: Date;
  endTime: Date | null;
  durationSeconds: number | null;
  energyWh: number | null;
  priceExclVatMinor: number | null;
  priceInclVatMinor: number | null;
  vatRateBasisPoints: number | null;
  currency: string | null;
  paymentMethod: string | null;
  receiptAvailable: boolean;
  evseId: string | null;
  connectorId: string | null;
  chargerName: string | null;
  site: string | null;
  operatorName: string | null;
  country: string | null;
  /** What ties it to the fleet, in the provider's own ids: the sync resolves them to local rows. */
  attribution: {
    /** The provider's id of the charging key used. */
    keyId?: string;
    /** The driver's identity value of the provider's driverIdentity kind (e.g. the RFID that authorised it). */
    driverIdentity?: string;
    /** The provider booking this charge was made under. */
    booking?: { providerBookingId: string; externalId?: string };
  };
}
