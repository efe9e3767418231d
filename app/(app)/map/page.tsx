import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { MapPageClient } from "@/components/map/map-page-client";

export const metadata = { title: "Map" };

export default async function Page() {
  const { fleetId } = await requirePage("map");
  return (
    <Suspense>
      {/* Keyed by fleet: switching fleets starts a fresh search with that fleet's prices. */}
      <MapPageClient key={fleetId} fleetId={fleetId} styleUrl={env().MAP_STYLE_URL} />
    </Suspense>
  );
}
