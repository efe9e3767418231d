// Scenarios for the watchdog's tests and demos: sessions that get stuck, stops that always fail, and final prices
// that drift from the estimate. They apply to what is started or booked from the moment they are set (each
// session or booking keeps what was in force when it began), and are kept in the state file like everything else.
import { z } from "zod";
import type { PetitMondeBooking, PlugsurfingSession, SandboxState } from "./state";

export const scenariosSchema = z.object({
  /** A remote-started session starts but never delivers energy and never ends by itself. */
  stuckSessions: z.boolean().optional(),
  /** Every stop of a session fails at the charger (STOP_FAILED), however often it is asked. */
  stopFails: z.boolean().optional(),
  /** The final price of a session or booking is this many times what its tariff (and the estimate) says. */
  priceDrift: z.number().min(0.1).max(100).optional(),
});

export type Scenarios = z.infer<typeof scenariosSchema>;

export function currentScenarios(state: SandboxState): Scenarios {
  return state.scenarios ?? {};
}

/** What a session started now takes of the scenarios in force. */
export function sessionScenario(scenarios: Scenarios): Pick<PlugsurfingSession, "stuck" | "stopFails" | "priceFactor"> {
  return {
    ...(scenarios.stuckSessions ? { stuck: true } : {}),
    ...(scenarios.stopFails ? { stopFails: true } : {}),
    ...(scenarios.priceDrift !== undefined && scenarios.priceDrift !== 1 ? { priceFactor: scenarios.priceDrift } : {}),
  };
}

/** What a booking made now takes of the scenarios in force: only the drift of its final price. */
export function bookingScenario(scenarios: Scenarios): Pick<PetitMondeBooking, "priceFactor"> {
  return scenarios.priceDrift !== undefined && scenarios.priceDrift !== 1 ? { priceFactor: scenarios.priceDrift } : {};
}
