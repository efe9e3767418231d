import { requirePage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { PageHeader } from "@/components/ui/page-header";
import { BatchForm } from "@/components/bookings/batch-form-client";

export const metadata = { title: "Batch booking" };

export default async function Page() {
  const { fleetId } = await requirePage("bookings");
  const depots = await db.depot.findMany({
    where: { fleetId },
    select: { name: true, latitude: true, longitude: true },
    orderBy: { name: "asc" },
  });
  return (
    <>
      <PageHeader
        title="Batch booking"
        description="Book several charge points for one window. They are sent one by one, within the provider's limits."
      />
      <BatchForm fleetId={fleetId} depots={depots} />
    </>
  );
}
