// The /map page: the map of chargers, with the active fleet's depots.
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { configuredStreetStyle } from "@/lib/map/basemap";
import { fleetDepots } from "@/lib/search/places";
import { bookableVehicles } from "@/lib/vehicles/vehicles";
import { MapPageClient } from "@/components/map/map-page-client";

export async function generateMetadata() {
  const t = await getTranslations("map");
  return { title: t("title") };
}

export default async function Page() {
  const { fleetId } = await requirePage("map");
  const [depots, vehicles] = await Promise.all([fleetDepots(fleetId), bookableVehicles(fleetId)]);
  return (
    <Suspense>
      {/* Keyed by fleet: switching fleets starts a fresh search with that fleet's prices. */}
      <MapPageClient
        key={fleetId}
        fleetId={fleetId}
        depots={depots}
        vehicles={vehicles.map(({ id, plate, name, connectorStandards }) => ({ id, plate, name, connectorStandards }))}
        styleUrl={configuredStreetStyle(env().MAP_STYLE_URL) ?? undefined}
      />
    </Suspense>
  );
}
