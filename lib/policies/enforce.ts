// Spending policies where the app acts and where it only watches: a booking (single or a batch line) or a remote
// start that breaks a rule is refused before anything reaches the provider, in words naming the policy and the
// figure; a synced session that breaks one (started at the charger, with a card) raises a policy.breach alert.
import "server-only";
import type { Prisma, SpendingPolicy } from "@/generated/prisma/client";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { db } from "@/lib/db";
import { providerOfSessionSource, type ProviderName } from "@/lib/domain/provider";
import { DomainError, text } from "@/lib/errors";
import type { BookingRequest } from "@/lib/bookings/schemas";
import { describeBreach } from "./describe";
import {
  effectivePolicy,
  evaluatePolicy,
  monthOf,
  type Breach,
  type EffectivePolicy,
  type OwnedPolicy,
  type PolicyAct,
  type SpentSession,
} from "./evaluate";

type Client = Prisma.TransactionClient;

const ownedPolicy = (row: SpendingPolicy, owner: OwnedPolicy["owner"]): OwnedPolicy => ({ ...row, owner });

/** The rules in force for a driver and a vehicle of a fleet (either may be missing), and the fleet's time zone. */
export async function policyFor(
  client: Client,
  fleetId: string,
  who: { driverId?: string | null; vehicleId?: string | null },
): Promise<EffectivePolicy> {
  const fleet = await client.fleet.findUniqueOrThrow({
    where: { id: fleetId },
    select: { name: true, timeZone: true },
  });
  const rows = await client.spendingPolicy.findMany({
    where: {
      fleetId,
      OR: [
        { userId: null, vehicleId: null },
        ...(who.driverId ? [{ userId: who.driverId }] : []),
        ...(who.vehicleId ? [{ vehicleId: who.vehicleId }] : []),
      ],
    },
    include: { user: { select: { name: true } }, vehicle: { select: { plate: true } } },
  });
  const fleetRow = rows.find((r) => !r.userId && !r.vehicleId);
  const driverRow = rows.find((r) => r.userId);
  const vehicleRow = rows.find((r) => r.vehicleId);
  return effectivePolicy(fleet.timeZone, {
    fleet: fleetRow && ownedPolicy(fleetRow, { scope: "fleet", name: fleet.name }),
    driver: driverRow && ownedPolicy(driverRow, { scope: "driver", name: driverRow.user?.name ?? "" }),
    vehicle: vehicleRow && ownedPolicy(vehicleRow, { scope: "vehicle", name: vehicleRow.vehicle?.plate ?? "" }),
  });
}

/**
 * What the monthly cap's owner spent in the month of `at` (the fleet, the driver or the vehicle whose policy set
 * the cap); nothing to read where there is no monthly cap.
 */
async function spentThisMonth(
  client: Client,
  fleetId: string,
  policy: EffectivePolicy,
  at: Date,
  who: { driverId?: string | null; vehicleId?: string | null },
  /** A synced session: only what started before it counts, never itself. */
  session?: { id: string; startTime: Date },
): Promise<SpentSession[]> {
  const cap = policy.monthlyCap;
  if (!cap) return [];
  const scope = cap.owner.scope;
  if ((scope === "driver" && !who.driverId) || (scope === "vehicle" && !who.vehicleId)) return [];
  const month = monthOf(at, policy.timeZone);
  const rows = await client.chargingSession.findMany({
    where: {
      fleetId,
      currency: cap.currency,
      startTime: { gte: month.start, lt: session?.startTime ?? month.end },
      ...(scope === "driver" ? { driverId: who.driverId } : {}),
      ...(scope === "vehicle" ? { vehicleId: who.vehicleId } : {}),
      ...(session ? { id: { not: session.id } } : {}),
    },
    select: { startTime: true, priceInclVatMinor: true, currency: true },
  });
  return rows.map((r) => ({ startTime: r.startTime, costMinor: r.priceInclVatMinor, currency: r.currency }));
}

/**
 * The refusal of an act by its first broken rule, in the words of `errors.policies.<act>`: its figures formatted
 * for the reader of this request (English outside one: a batch line refused by the job).
 */
async function refusal(breach: Breach, timeZone: string, act: "booking" | "start", costKnown: boolean) {
  // Loaded only when a refusal is said: the reader module reaches into the request (next/headers, the session),
  // which the batch runner's own process (lib/bookings/testing/run-batch-runner.ts) cannot load.
  const reader = await import("@/lib/i18n/reader")
    .then(({ currentReader }) => currentReader())
    .then(
      ({ language, locale }) => ({ language, locale }),
      () => undefined,
    );
  const words = describeBreach(breach, timeZone, reader);
  const key = breach.rule === "monthlyCap" && act === "booking" && !costKnown ? "monthlyCapReached" : breach.rule;
  return new DomainError("VALIDATION", text(`policies.${act}.${key}`, { ...words }));
}

/**
 * Refuses a booking (single or a batch line) that breaks the policy in force for its driver and vehicle: its
 * provider, the operator, the window's start, the estimate and the rate per kWh where the charger gave them.
 */
export async function refuseBookingByPolicy(client: Client, fleetId: string, request: BookingRequest): Promise<void> {
  const who = { driverId: request.driverId, vehicleId: request.vehicleId };
  const policy = await policyFor(client, fleetId, who);
  const { charger } = request;
  const act: PolicyAct = {
    at: new Date(request.windowStart),
    provider: request.provider,
    operator: charger.operatorName,
    cost:
      charger.estimateMinor !== undefined && charger.currency
        ? { amountMinor: charger.estimateMinor, currency: charger.currency }
        : null,
    pricePerKwhMinor: charger.tariff
      ? { amountMinor: charger.tariff.perKwhMinor, currency: charger.tariff.currency }
      : null,
  };
  const spent = await spentThisMonth(client, fleetId, policy, act.at, who);
  const [first] = evaluatePolicy(policy, spent, act);
  if (first) throw await refusal(first, policy.timeZone, "booking", act.cost !== null);
}

/** Refuses a remote start, now, for a driver, that breaks the policy in force: a cap already reached, the time, the provider. */
export async function refuseStartByPolicy(fleetId: string, driverId: string, provider: ProviderName): Promise<void> {
  const policy = await policyFor(db, fleetId, { driverId });
  const act: PolicyAct = { at: new Date(), provider };
  const spent = await spentThisMonth(db, fleetId, policy, act.at, { driverId });
  const [first] = evaluatePolicy(policy, spent, act);
  if (first) throw await refusal(first, policy.timeZone, "start", false);
}

/**
 * Raises a policy.breach alert for each rule each of these synced sessions breaks, once per session and rule
 * (cause "session:<id>:policy:<rule>"); sessions without a fleet are no fleet's to hold to a policy.
 */
export async function checkSessionPolicies(
  keys: Array<{ source: string; providerSessionId: string }>,
): Promise<number> {
  if (keys.length === 0) return 0;
  const sessions = await db.chargingSession.findMany({
    where: {
      fleetId: { not: null },
      OR: keys.map((k) => ({ source: k.source as never, providerSessionId: k.providerSessionId })),
    },
  });
  let raised = 0;
  for (const session of sessions) {
    const fleetId = session.fleetId!;
    const provider = providerOfSessionSource(session.source);
    if (!provider) continue;
    const who = { driverId: session.driverId, vehicleId: session.vehicleId };
    const policy = await policyFor(db, fleetId, who);
    const act: PolicyAct = {
      at: session.startTime,
      provider,
      operator: session.operatorName,
      cost:
        session.priceInclVatMinor !== null && session.currency
          ? { amountMinor: session.priceInclVatMinor, currency: session.currency }
          : null,
      energyWh: session.energyWh,
    };
    const spent = await spentThisMonth(db, fleetId, policy, act.at, who, session);
    for (const breach of evaluatePolicy(policy, spent, act)) {
      // A session not yet priced is not over a cap: it is checked again when it syncs with its cost.
      if (breach.rule === "monthlyCap" && act.cost === null) continue;
      const words = describeBreach(breach, policy.timeZone);
      const alert = await raiseAlert({
        fleetId,
        kind: "policy.breach",
        causeKey: `session:${session.id}:policy:${breach.rule}`,
        facts: {
          charger: {
            name: session.chargerName ?? session.site ?? session.evseId ?? session.providerSessionId,
            timeZone: policy.timeZone,
          },
          rule: breach.rule,
          policy: breach.owner,
          figure: words.figure,
          limit: words.limit,
        },
        sessionId: session.id,
        driverId: session.driverId,
        vehicleId: session.vehicleId,
      });
      if (alert.raised) raised++;
    }
  }
  return raised;
}
