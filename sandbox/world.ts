// The living network: the generated locations plus clients' state, seen at the simulated "now".
import type { SimClock } from "./clock";
import { bookingSnapshot, ACTIVE_BOOKING_STATUSES, type BookingSnapshot } from "./lifecycle/petitmonde-booking";
import { sessionSnapshot, type SessionSnapshot } from "./lifecycle/plugsurfing-session";
import { petitMondePriceEur, sessionPrice, type SessionPrice } from "./lifecycle/pricing";
import type { Network } from "./network/generate";
import type { DepotCharger, NetEvse, NetLocation } from "./network/types";
import { createRandom, hash32, pick, randomInt, unitHash } from "./random";
import type { RateLimits } from "./rate-limits";
import type { PetitMondeBooking, PlugsurfingSession, PlugsurfingUser, StateStore } from "./state";

export type EvseStatus = "AVAILABLE" | "BLOCKED" | "CHARGING" | "INOPERATIVE" | "OUTOFORDER" | "RESERVED" | "UNKNOWN";

export interface LiveStatus {
  status: EvseStatus;
  since: number;
}

export interface HistorySession {
  id: string;
  userId: string;
  location: NetLocation;
  evse: NetEvse;
  connectorId: string;
  connectorLabel: string;
  chargingKeyId: string;
  startTime: number;
  endTime: number;
  energyWh: number;
  price: SessionPrice;
  balanceStatus: "PAID" | "DEBT" | "REFUND" | "PROCESSING";
}

export interface DepotTransaction {
  id: string;
  chargerId: string;
  connectorId: string;
  vehicleId: string;
  authorizationValue: string;
  start: number;
  stop: number;
  energyWh: number;
  cost: number;
}

const DAY_MS = 86_400_000;
const OUTAGE_PERIOD_MS = 2 * DAY_MS;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export interface WorldOptions {
  depotTokenTtlSeconds: number;
  rateLimits: RateLimits;
}

export class World {
  private readonly sessionsByEvse = new Map<string, PlugsurfingSession[]>();
  private readonly bookingsByEvse = new Map<string, PetitMondeBooking[]>();
  readonly bookingsByExternalId = new Map<string, PetitMondeBooking>();
  private readonly historyCache = new Map<string, HistorySession[]>();
  private readonly depotDayCache = new Map<number, DepotTransaction[]>();

  constructor(
    readonly network: Network,
    readonly clock: SimClock,
    readonly store: StateStore,
    readonly options: WorldOptions,
  ) {
    for (const session of Object.values(store.state.plugsurfing.sessions)) this.indexSession(session);
    for (const booking of Object.values(store.state.petitMonde.bookings)) this.indexBooking(booking);
  }

  get state() {
    return this.store.state;
  }

  get seed(): number {
    return this.network.seed;
  }

  now(): number {
    return this.clock.now();
  }

  changed(): void {
    this.store.changed();
  }

  /** An opaque, deterministic id in Plugsurfing's style (e.g. "LWO89J3mDJr"). */
  shortId(...parts: Array<string | number>): string {
    let out = "";
    for (let i = 0; out.length < 11; i++) {
      let h = hash32(this.seed, ...parts, i);
      for (let j = 0; j < 5 && out.length < 11; j++) {
        out += BASE62[h % 62];
        h = Math.floor(h / 62);
      }
    }
    return out;
  }

  // ---- EVSE status -------------------------------------------------------------------------------

  /** Occupancy from a hash of (EVSE, time bucket), overridden by the sandbox's own sessions and bookings. */
  evseStatus(evse: NetEvse, now = this.now()): LiveStatus {
    const own = this.ownOccupancy(evse, now);
    if (own) return own;
    return baseEvseStatus(evse, now);
  }

  private ownOccupancy(evse: NetEvse, now: number): LiveStatus | undefined {
    for (const session of this.sessionsByEvse.get(evse.evseId) ?? []) {
      const snapshot = this.sessionSnapshot(session, now);
      if (snapshot.active && snapshot.status !== "WAITING_TO_START")
        return { status: "CHARGING", since: snapshot.startTime };
    }
    for (const booking of this.bookingsByEvse.get(evse.evseId) ?? []) {
      if (now < booking.reservationStart || now >= booking.reservationEnd) continue;
      const snapshot = this.bookingSnapshot(booking, now);
      if (snapshot.status === "CONFIRMED") return { status: "RESERVED", since: booking.reservationStart };
      if (snapshot.status === "ATTENDING") return { status: "CHARGING", since: snapshot.statusUpdatedAt };
    }
    return undefined;
  }

  // ---- Plugsurfing sessions ----------------------------------------------------------------------

  addSession(session: PlugsurfingSession): void {
    this.state.plugsurfing.sessions[session.id] = session;
    this.indexSession(session);
    this.changed();
  }

  private indexSession(session: PlugsurfingSession): void {
    const ref = this.network.connectorByPlugsurfingId.get(session.connectorId);
    if (!ref) return;
    const list = this.sessionsByEvse.get(ref.evse.evseId) ?? [];
    list.push(session);
    this.sessionsByEvse.set(ref.evse.evseId, list);
  }

  sessionSnapshot(session: PlugsurfingSession, now = this.now()): SessionSnapshot {
    const ref = this.network.connectorByPlugsurfingId.get(session.connectorId);
    return sessionSnapshot(session, now, ref?.connector.maxPowerKw ?? 11);
  }

  /** Sessions started on this connector (any user), newest last. */
  sessionsOnConnector(connectorId: string): PlugsurfingSession[] {
    const ref = this.network.connectorByPlugsurfingId.get(connectorId);
    if (!ref) return [];
    return (this.sessionsByEvse.get(ref.evse.evseId) ?? []).filter((s) => s.connectorId === connectorId);
  }

  // ---- Petit Monde bookings ----------------------------------------------------------------------

  addBooking(booking: PetitMondeBooking): void {
    this.state.petitMonde.bookings[booking.id] = booking;
    this.indexBooking(booking);
    this.changed();
  }

  private indexBooking(booking: PetitMondeBooking): void {
    const list = this.bookingsByEvse.get(booking.evseUid) ?? [];
    list.push(booking);
    this.bookingsByEvse.set(booking.evseUid, list);
    this.bookingsByExternalId.set(booking.externalId, booking);
  }

  bookingSnapshot(booking: PetitMondeBooking, now = this.now()): BookingSnapshot {
    const location = this.network.byPetitMondeId.get(booking.locationId)!;
    const evse = location.evses.find((e) => e.evseId === booking.evseUid)!;
    const kw = Math.max(...evse.connectors.map((c) => c.maxPowerKw));
    // The priceDrift scenario moves the final price only; the estimate stays the tariff's.
    const drift = booking.priceFactor ?? 1;
    return bookingSnapshot(
      booking,
      location.operator,
      now,
      (chargingMs) =>
        Math.round(
          petitMondePriceEur(location.tariff, kw, Math.max(chargingMs, 5 * 60_000) / 3_600_000) * drift * 100,
        ) / 100,
    );
  }

  /** True when an active booking on the EVSE overlaps [start, end). */
  hasOverlappingBooking(evseUid: string, start: number, end: number, now = this.now()): boolean {
    return (this.bookingsByEvse.get(evseUid) ?? []).some(
      (b) =>
        b.reservationStart < end &&
        start < b.reservationEnd &&
        ACTIVE_BOOKING_STATUSES.includes(this.bookingSnapshot(b, now).status),
    );
  }

  // ---- Plugsurfing user history ------------------------------------------------------------------

  /** 60–120 completed sessions over the 12 months before the user was created, the same on every run. */
  userHistory(user: PlugsurfingUser): HistorySession[] {
    const cached = this.historyCache.get(user.id);
    if (cached) return cached;
    const random = createRandom(hash32(this.seed, "history", user.id));
    const locations = this.network.locations.filter((l) => l.onPlugsurfing);
    const germans = locations.filter((l) => l.country.code === "DE");
    const home = random() < 0.7 && germans.length ? pick(random, germans) : pick(random, locations);
    const nearby = this.network.plugsurfingIndex.within(home.latitude, home.longitude, 30).map((h) => h.item);
    const keys = userKeyIds(this.seed, user.id);
    const count = randomInt(random, 60, 120);
    const sessions: HistorySession[] = [];
    for (let i = 0; i < count; i++) {
      const location = random() < 0.8 && nearby.length ? pick(random, nearby) : pick(random, locations);
      const evse = pick(random, location.evses);
      const connector = pick(random, evse.connectors);
      const ac = connector.powerType !== "DC";
      const kw = Math.min(connector.maxPowerKw, ac ? 11 : 50 + random() * 100);
      const energyWh = Math.round((ac ? 4 + random() * 26 : 12 + random() * 50) * 1000);
      const pluggedMs = Math.round((energyWh / 1000 / kw) * 3_600_000 + random() * (ac ? 3 : 0.4) * 3_600_000);
      const startTime = Math.round(user.createdAt - 365 * DAY_MS * random());
      const endTime = Math.min(startTime + pluggedMs, user.createdAt - 60_000);
      const r = random();
      sessions.push({
        id: this.shortId("history", user.id, i),
        userId: user.id,
        location,
        evse,
        connectorId: connector.plugsurfingId,
        connectorLabel: connector.number,
        chargingKeyId: random() < 0.75 ? keys.tagKeyId : keys.virtualKeyId,
        startTime,
        endTime: Math.max(endTime, startTime + 60_000),
        energyWh,
        price: sessionPrice(location.tariff, energyWh, endTime - startTime),
        balanceStatus: r < 0.03 ? "DEBT" : r < 0.05 ? "REFUND" : "PAID",
      });
    }
    sessions.sort((a, b) => a.startTime - b.startTime || a.id.localeCompare(b.id));
    this.historyCache.set(user.id, sessions);
    return sessions;
  }

  // ---- DepotFinity -------------------------------------------------------------------------------

  /** Depot charging history: 0–3 transactions per connector per day, deterministic per day. */
  depotTransactions(from: number, to: number, now = this.now()): DepotTransaction[] {
    const firstDay = Math.floor(Math.max(from, now - 365 * DAY_MS) / DAY_MS);
    const lastDay = Math.floor(Math.min(to, now) / DAY_MS);
    const out: DepotTransaction[] = [];
    for (let day = firstDay; day <= lastDay; day++) {
      for (const tx of this.depotDay(day)) if (tx.stop <= now && tx.start >= from && tx.start < to) out.push(tx);
    }
    return out;
  }

  private depotDay(day: number): DepotTransaction[] {
    const cached = this.depotDayCache.get(day);
    if (cached) return cached;
    const transactions: DepotTransaction[] = [];
    for (const charger of this.network.depotChargers) {
      for (const connector of charger.connectors) {
        const random = createRandom(hash32(this.seed, "depot", charger.id, connector.connectorId, day));
        const dc = connector.powerType === "DC";
        let cursor = day * DAY_MS + randomInt(random, 3, 7) * 3_600_000;
        for (let n = randomInt(random, 0, dc ? 3 : 2); n > 0; n--) {
          const energyWh = Math.round((dc ? 20 + random() * 50 : 8 + random() * 30) * 1000);
          const kw = Math.min(connector.maxPowerKw, dc ? 60 + random() * 60 : 11);
          const durationMs = Math.round((energyWh / 1000 / kw) * 3_600_000 + random() * 30 * 60_000);
          const vehicle = depotVehicle(charger, randomInt(random, 1, 12));
          transactions.push({
            id: `tx-${hash32(this.seed, charger.id, connector.connectorId, day, n).toString(16).padStart(8, "0")}`,
            chargerId: charger.id,
            connectorId: connector.connectorId,
            vehicleId: vehicle.vehicleId,
            authorizationValue: vehicle.rfid,
            start: cursor,
            stop: cursor + durationMs,
            energyWh,
            cost: Math.round((energyWh / 1000) * 0.28 * 100) / 100,
          });
          cursor += durationMs + randomInt(random, 20, 240) * 60_000;
        }
      }
    }
    if (this.depotDayCache.size > 400) this.depotDayCache.clear();
    this.depotDayCache.set(day, transactions);
    return transactions;
  }

  /** Whether an active DepotFinity reservation covers the connector now. */
  depotReservationAt(chargerId: string, connectorId: string, now = this.now()) {
    return Object.values(this.state.depot.reservations).find(
      (r) =>
        !r.removedAt && r.chargerId === chargerId && r.connectorId === connectorId && r.start <= now && now < r.end,
    );
  }
}

export function baseEvseStatus(evse: NetEvse, now: number): LiveStatus {
  const outageWindow = Math.floor(now / OUTAGE_PERIOD_MS);
  if (unitHash(evse.evseId, "outage", outageWindow) < 0.02)
    return { status: "OUTOFORDER", since: outageWindow * OUTAGE_PERIOD_MS };
  const period = evse.statusPeriodMs;
  const phase = hash32(evse.evseId, "phase") % period;
  const bucket = Math.floor((now + phase) / period);
  const since = bucket * period - phase;
  const u = unitHash(evse.evseId, bucket);
  const busy = evse.utilisation;
  if (u < busy) return { status: "CHARGING", since };
  if (u < busy + 0.015) return { status: "BLOCKED", since };
  if (u < busy + 0.025) return { status: "INOPERATIVE", since };
  if (u < busy + 0.03) return { status: "UNKNOWN", since };
  return { status: "AVAILABLE", since };
}

/** A user's two charging keys: an RFID tag and the virtual (app) key. */
export function userKeyIds(seed: number, userId: string): { tagKeyId: string; virtualKeyId: string } {
  return {
    tagKeyId: hash32(seed, "tag", userId).toString(16).padStart(8, "0"),
    virtualKeyId: hash32(seed, "virtual", userId).toString(16).padStart(8, "0"),
  };
}

export function depotVehicle(charger: DepotCharger, n: number): { vehicleId: string; rfid: string } {
  const depot = charger.id.slice(0, 3);
  return {
    vehicleId: `${depot}-VAN-${String(n).padStart(2, "0")}`,
    rfid: hash32("rfid", depot, n).toString(16).toUpperCase().padStart(8, "0"),
  };
}
