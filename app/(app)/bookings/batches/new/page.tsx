import { requirePage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listFleetDrivers } from "@/lib/bookings/records";
import { PageHeader } from "@/components/ui/page-header";
import { BatchForm } from "@/components/bookings/batch-form-client";

export const metadata = { title: "Batch booking" };

export default async function Page() {
  const { fleetId } = await requirePage("bookings");
  const [depots, drivers] = await Promise.all([
    db.depot.findMany({
      where: { fleetId },
      select: { name: true, latitude: true, longitude: true },
      orderBy: { name: "asc" },
    }),
    listFleetDrivers(fleetId),
  ]);
  return (
    <>
      <PageHeader
        title="Batch booking"
        description="Book several charge points for one window, each for a driver if you like. They are sent one by one, within the provider's limits."
      />
      <BatchForm fleetId={fleetId} depots={depots} drivers={drivers} />
    </>
  );
}
