// The /map page: the map of chargers, with the active fleet's depots.
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { configuredStreetStyle } from "@/lib/map/basemap";
import { fleetDepots } from "@/lib/search/places";
import { MapPageClient } from "@/components/map/map-page-client";

export async function generateMetadata() {
  const t = await getTranslations("map");
  return { title: t("title") };
}

export default async function Page() {
  const { fleetId } = await requirePage("map");
  const depots = await fleetDepots(fleetId);
  return (
    <Suspense>
      {/* Keyed by fleet: switching fleets starts a fresh search with that fleet's prices. */}
      <MapPageClient
        key={fleetId}
        fleetId={fleetId}
        depots={depots}
        styleUrl={configuredStreetStyle(env().MAP_STYLE_URL) ?? undefined}
      />
    </Suspense>
  );
}
