// Test and demo controls under /_sandbox: health, clock, faults, scenarios, forced booking states, stats.
import { Hono } from "hono";
import { z } from "zod";
import { faultConfigSchema, type FaultEngine } from "./faults";
import { describeIssue, readJsonBody } from "./http";
import { fleetGroup } from "./providers/petitmonde";
import { currentScenarios, scenariosSchema } from "./scenarios";
import type { SessionEvents } from "./session-events";
import type { PetitMondeStatus } from "./state";
import type { RequestStats } from "./stats";
import type { World } from "./world";

const STATUSES: readonly PetitMondeStatus[] = [
  "REQUESTED",
  "PENDING",
  "CONFIRMED",
  "ATTENDING",
  "COMPLETED",
  "EXPIRED",
  "NO_SHOW",
  "CANCELLED",
];

export function adminRoutes(world: World, faults: FaultEngine, stats: RequestStats, events: SessionEvents) {
  const app = new Hono();
  const clockView = () => ({
    now: new Date(world.now()).toISOString(),
    nowMs: world.now(),
    timeScale: world.clock.timeScale,
  });
  const bad = (message: string) => Response.json({ error: message }, { status: 400 });

  app.get("/health", (c) =>
    c.json({
      ok: true,
      seed: world.seed,
      locations: world.network.locations.length,
      plugsurfingLocations: world.network.byPlugsurfingId.size,
      petitMondeLocations: world.network.byPetitMondeId.size,
      depotChargers: world.network.depotChargers.length,
      ...clockView(),
    }),
  );

  app.get("/clock", (c) => c.json(clockView()));
  app.post("/clock", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return bad(body.message);
    const parsed = z
      .object({ timeScale: z.number().min(0).max(100_000).optional(), advanceMs: z.number().min(0).optional() })
      .safeParse(body.value);
    if (!parsed.success) return bad(describeIssue(parsed.error));
    if (parsed.data.advanceMs) world.clock.advance(parsed.data.advanceMs);
    if (parsed.data.timeScale !== undefined) world.clock.setTimeScale(parsed.data.timeScale);
    world.state.timeScale = world.clock.timeScale;
    world.changed();
    return c.json(clockView());
  });

  app.get("/faults", (c) => c.json(faults.get()));
  app.put("/faults", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return bad(body.message);
    const parsed = faultConfigSchema.safeParse(body.value);
    if (!parsed.success) return bad(describeIssue(parsed.error));
    faults.set(parsed.data);
    return c.json(faults.get());
  });
  app.delete("/faults", (c) => {
    faults.clear();
    return c.json(faults.get());
  });

  // Watchdog scenarios (sandbox/scenarios.ts): PUT replaces them all, DELETE ends them; what already started keeps its own.
  app.get("/scenarios", (c) => c.json(currentScenarios(world.state)));
  app.put("/scenarios", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return bad(body.message);
    const parsed = scenariosSchema.safeParse(body.value);
    if (!parsed.success) return bad(describeIssue(parsed.error));
    world.state.scenarios = parsed.data;
    world.changed();
    return c.json(currentScenarios(world.state));
  });
  app.delete("/scenarios", (c) => {
    delete world.state.scenarios;
    world.changed();
    return c.json(currentScenarios(world.state));
  });

  // Plugsurfing's signed session events (sandbox/session-events.ts): where they go, and what was sent lately.
  app.get("/plugsurfing/webhook", (c) => c.json({ registered: events.registered(), sent: events.sent }));
  app.put("/plugsurfing/webhook", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return bad(body.message);
    const parsed = z.object({ url: z.url({ protocol: /^https?$/ }), secret: z.string().min(16) }).safeParse(body.value);
    if (!parsed.success) return bad(describeIssue(parsed.error));
    events.register(parsed.data);
    return c.json({ registered: events.registered() });
  });
  app.delete("/plugsurfing/webhook", (c) => {
    events.register(null);
    return c.json({ registered: null });
  });

  app.get("/stats", (c) => c.json(stats.snapshot()));
  app.delete("/stats", (c) => {
    stats.reset();
    return c.json(stats.snapshot());
  });

  // What the providers really hold, for tests that count duplicates: every Petit Monde booking (with its
  // external_id) and every DepotFinity reservation still in force (DepotFinity itself cannot list them).
  app.get("/petitmonde/bookings", (c) =>
    c.json({
      bookings: Object.values(world.state.petitMonde.bookings).map((b) => ({
        id: b.id,
        externalId: b.externalId,
        cancelled: b.cancelledAt !== undefined,
      })),
    }),
  );
  app.get("/depotfinity/chargers", (c) =>
    c.json({
      chargers: world.network.depotChargers.map((ch) => ({
        id: ch.id,
        name: ch.name,
        latitude: ch.latitude,
        longitude: ch.longitude,
        timeZone: ch.timeZone,
        connectors: ch.connectors.map((k) => k.connectorId),
      })),
    }),
  );
  app.get("/depotfinity/reservations", (c) =>
    c.json({
      reservations: Object.values(world.state.depot.reservations)
        .filter((r) => r.removedAt === undefined)
        .map((r) => ({
          id: r.id,
          chargerId: r.chargerId,
          connectorId: r.connectorId,
          start: new Date(r.start).toISOString(),
          end: new Date(r.end).toISOString(),
          authorizationValue: r.authorizationValue,
        })),
    }),
  );

  app.post("/petitmonde/bookings/:id/status", async (c) => {
    const booking = world.state.petitMonde.bookings[c.req.param("id")];
    if (!booking) return c.json({ error: "Booking not found" }, 404);
    const body = await readJsonBody(c);
    if (!body.ok) return bad(body.message);
    const parsed = z
      .object({ status: z.enum(STATUSES), noShowFeeEur: z.number().min(0).optional() })
      .safeParse(body.value);
    if (!parsed.success) return bad(describeIssue(parsed.error));
    booking.forced = { status: parsed.data.status, at: world.now(), noShowFeeEur: parsed.data.noShowFeeEur };
    world.changed();
    return c.json({ id: booking.id, status: parsed.data.status });
  });

  app.put("/petitmonde/fleet-groups/:id", async (c) => {
    const body = await readJsonBody(c);
    if (!body.ok) return bad(body.message);
    const parsed = z
      .object({ monthlyLimitEur: z.number().min(0).optional(), perSessionLimitEur: z.number().min(0).optional() })
      .safeParse(body.value);
    if (!parsed.success) return bad(describeIssue(parsed.error));
    const group = fleetGroup(world, c.req.param("id"));
    Object.assign(group, Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)));
    world.changed();
    return c.json(group);
  });

  // Read-only views of state the provider APIs never return, so tests can check both sides agree.
  app.get("/plugsurfing/fleets/:fleetId", (c) => {
    const fleet = world.state.plugsurfing.fleets[c.req.param("fleetId")];
    if (!fleet) return c.json({ error: "Fleet not found" }, 404);
    return c.json({ fleetId: fleet.fleetId, fleetName: fleet.fleetName ?? null });
  });
  app.get("/depotfinity/rfid/:tag", (c) => {
    const tag = world.state.depot.rfid[c.req.param("tag")];
    if (!tag) return c.json({ error: "RFID tag not found" }, 404);
    return c.json({ tag: c.req.param("tag"), enabled: tag.enabled });
  });

  app.post("/plugsurfing/fleets/:fleetId/invitation-codes", async (c) => {
    const fleet = world.state.plugsurfing.fleets[c.req.param("fleetId")];
    if (!fleet) return c.json({ error: "Fleet not found" }, 404);
    const body = await readJsonBody(c);
    if (!body.ok) return bad(body.message);
    const parsed = z.object({ code: z.string().min(1).max(64) }).safeParse(body.value);
    if (!parsed.success) return bad(describeIssue(parsed.error));
    if (!fleet.invitationCodes.includes(parsed.data.code)) fleet.invitationCodes.push(parsed.data.code);
    world.changed();
    return c.json(
      fleet.invitationCodes.map((code) => ({ code })),
      201,
    );
  });

  return app;
}
