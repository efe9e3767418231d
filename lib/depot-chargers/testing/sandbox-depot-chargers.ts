// Integration-test helper: configures a fleet's depot chargers from the sandbox depot near a point, as an
// admin's import would, so tests that search or book depot chargers find them.
import { db } from "@/lib/db";
import { haversineMetres } from "@/lib/providers/units";
import { sandboxProviders } from "@/lib/providers/testing/sandbox";
import { depotChargerValues } from "../schemas";

/** The sandbox's Berlin depot (BER-CH01 … BER-CH10). */
export const SANDBOX_TEMPELHOF = { latitude: 52.4672, longitude: 13.3953 };

export async function configureSandboxDepotChargers(
  fleetId: string,
  near: { latitude: number; longitude: number } = SANDBOX_TEMPELHOF,
  radiusM = 2_000,
): Promise<string[]> {
  const listed = (await sandboxProviders().get("DEPOTFINITY").chargerList()) ?? [];
  const rows = listed
    .filter((c) => haversineMetres(near, c) <= radiusM)
    .map((c) => ({ fleetId, ...depotChargerValues.parse(c) }));
  await db.depotCharger.createMany({ data: rows, skipDuplicates: true });
  return rows.map((r) => r.chargerId);
}
