// The optional import from a provider's charger list (DepotFinity's is undocumented): offered only while it
// answers.
import "server-only";
import { providersWith } from "@/lib/providers";
import { writeDepotChargersCsv } from "./csv";
import { depotChargerValues, type DepotChargerValues } from "./schemas";

/** Whether to offer the import: false once the list answered 404 in this server process. */
export function providerChargerListAvailable(): boolean {
  return providersWith("chargerList").some((p) => p.chargerListAvailable);
}

/**
 * The chargers DepotFinity lists, as CSV in the import format, for the admin to review before importing;
 * null when there is no list. Chargers the dashboard could not take as they are (no connectors, odd ids)
 * are left out.
 */
export async function providerChargerListCsv(): Promise<string | null> {
  const source = providersWith("chargerList").find((p) => p.chargerListAvailable);
  const chargers = source ? await source.chargerList() : null;
  if (!chargers) return null;
  const usable = chargers.flatMap((c): DepotChargerValues[] => {
    const parsed = depotChargerValues.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
  return writeDepotChargersCsv(usable);
}
