import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { KeysPageClient } from "@/components/keys/keys-page-client";
import { listFleetDrivers } from "@/lib/sessions/fleet-drivers";

export const metadata = { title: "Charging keys" };

export default async function KeysPage() {
  const { fleetId, role } = await requirePage("keys");
  const drivers = (await listFleetDrivers(fleetId)).map((d) => ({ id: d.id, name: d.name }));
  return (
    <>
      <PageHeader
        title="Charging keys"
        description="Every RFID card, tag and virtual key of the fleet: the fleet's own keys and each driver's keys at Plugsurfing."
      />
      <Suspense>
        <KeysPageClient fleetId={fleetId} role={role} drivers={drivers} />
      </Suspense>
    </>
  );
}
