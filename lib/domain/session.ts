// Charging sessions and their costs, in integer minor units.
import type { ProviderName } from "./provider";

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
