// What one charging session, booking or depot transaction becomes as a ChargingSession row.
import type { ChargingSession, ChargingTransaction, ProviderBooking } from "@/lib/domain";
import { splitVat } from "@/lib/money";
import type { SessionSource } from "@/generated/prisma/enums";

export interface SessionRow {
  source: SessionSource;
  providerSessionId: string;
  fleetId: string | null;
  driverId: string | null;
  chargingKeyId: string | null;
  bookingId: string | null;
  status: string;
  balanceStatus: string | null;
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
}

/** Germany's standard rate: Petit Monde operates in Germany only and quotes client prices incl. VAT. */
export const PETITMONDE_VAT_BASIS_POINTS = 1900;

/** "DE*8PS*E123*1" → country "DE", operator "DE*8PS" (eMI3 ids carry both). */
export function operatorFromEvseId(evseId: string | undefined | null): {
  country: string | null;
  operator: string | null;
} {
  // The whole id must be eMI3 (ISO 15118 EVSEID), or a charger name like "CHARGER-17" would read as one.
  const match = evseId ? /^([A-Z]{2})\*?([A-Z0-9]{3})\*?E[A-Z0-9*]{1,30}$/i.exec(evseId) : null;
  if (!match) return { country: null, operator: null };
  const country = match[1].toUpperCase();
  return { country, operator: `${country}*${match[2].toUpperCase()}` };
}

function endTimeOf(start: Date, durationSeconds: number | undefined): Date | null {
  return durationSeconds === undefined ? null : new Date(start.getTime() + Math.round(durationSeconds * 1000));
}

/** The Plugsurfing key a session was charged with, when the provider reports it. */
export function providerKeyIdOf(session: ChargingSession): string | undefined {
  return session.chargingKeyId || undefined;
}

export function rowFromPlugsurfingSession(
  session: ChargingSession,
  owner: { fleetId: string | null; driverId: string | null; chargingKeyId?: string | null },
): SessionRow {
  const startTime = new Date(session.startTime);
  const { country, operator } = operatorFromEvseId(session.evseId);
  return {
    source: "PLUGSURFING_SESSION",
    providerSessionId: session.sessionId,
    fleetId: owner.fleetId,
    driverId: owner.driverId,
    chargingKeyId: owner.chargingKeyId ?? null,
    bookingId: null,
    status: session.status,
    balanceStatus: session.balanceStatus ?? null,
    startTime,
    endTime: endTimeOf(startTime, session.durationSeconds),
    durationSeconds: session.durationSeconds === undefined ? null : Math.round(session.durationSeconds),
    energyWh: session.energyWh ?? null,
    priceExclVatMinor: session.price?.exclVatMinor ?? null,
    priceInclVatMinor: session.price?.inclVatMinor ?? null,
    vatRateBasisPoints: session.price?.vatRateBasisPoints ?? null,
    currency: session.price?.currency.toUpperCase() ?? null,
    paymentMethod: session.paymentMethod ?? null,
    receiptAvailable: session.receiptAvailable,
    evseId: session.evseId ?? null,
    connectorId: session.connectorId ?? null,
    chargerName: session.chargerName ?? null,
    site: session.site ?? null,
    operatorName: operator,
    country,
  };
}

/** A completed Petit Monde booking: its client_price is what the fleet pays for that charge. */
export function rowFromPetitMondeBooking(
  booking: ProviderBooking,
  local: {
    fleetId: string | null;
    driverId: string | null;
    bookingId: string | null;
    chargerName?: string | null;
    operatorName?: string | null;
  },
): SessionRow {
  const start = new Date(booking.windowStart ?? booking.createdAt ?? booking.statusUpdatedAt ?? Date.now());
  const end = booking.windowEnd ? new Date(booking.windowEnd) : null;
  const split = booking.price ? splitVat(booking.price.amountMinor, PETITMONDE_VAT_BASIS_POINTS) : null;
  return {
    source: "PETITMONDE_BOOKING",
    providerSessionId: booking.id,
    fleetId: local.fleetId,
    driverId: local.driverId,
    chargingKeyId: null,
    bookingId: local.bookingId,
    status: booking.status === "COMPLETED" ? "COMPLETE" : booking.status,
    balanceStatus: null,
    startTime: start,
    endTime: end,
    durationSeconds: end ? Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000)) : null,
    energyWh: null,
    priceExclVatMinor: split?.exclVatMinor ?? null,
    priceInclVatMinor: split?.inclVatMinor ?? null,
    vatRateBasisPoints: split ? PETITMONDE_VAT_BASIS_POINTS : null,
    currency: booking.price?.currency.toUpperCase() ?? null,
    paymentMethod: "PETITMONDE",
    receiptAvailable: false,
    evseId: booking.evseUid ?? null,
    connectorId: null,
    chargerName: local.chargerName ?? booking.city ?? null,
    site: booking.city ?? null,
    operatorName: local.operatorName ?? "Petit Monde",
    country: "DE",
  };
}

/** A DepotFinity transaction at the fleet's own depot; the cost is the energy bill, VAT unknown. */
export function rowFromDepotTransaction(
  transaction: ChargingTransaction,
  owner: { fleetId: string | null; driverId: string | null },
): SessionRow {
  const start = new Date(transaction.startTime);
  const end = transaction.stopTime ? new Date(transaction.stopTime) : null;
  return {
    source: "DEPOT_TRANSACTION",
    providerSessionId: transaction.transactionId,
    fleetId: owner.fleetId,
    driverId: owner.driverId,
    chargingKeyId: null,
    bookingId: null,
    status: end ? "COMPLETE" : "STARTED",
    balanceStatus: null,
    startTime: start,
    endTime: end,
    durationSeconds: end ? Math.max(0, Math.round((end.getTime() - start.getTime()) / 1000)) : null,
    energyWh: transaction.energyWh ?? null,
    priceExclVatMinor: null,
    priceInclVatMinor: transaction.cost?.amountMinor ?? null,
    vatRateBasisPoints: null,
    currency: transaction.cost?.currency.toUpperCase() ?? null,
    paymentMethod: "DEPOT",
    receiptAvailable: false,
    evseId: transaction.chargerId,
    connectorId: transaction.connectorId,
    chargerName: transaction.chargerId,
    site: null,
    operatorName: "Own depot",
    country: null,
  };
}
