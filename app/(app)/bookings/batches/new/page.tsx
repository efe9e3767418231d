import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listFleetDrivers } from "@/lib/bookings/records";
import { bookableVehicles } from "@/lib/vehicles/vehicles";
import { PageHeader } from "@/components/ui/page-header";
import { BatchForm } from "@/components/bookings/booking-forms-lazy";

export async function generateMetadata() {
  const t = await getTranslations("batches");
  return { title: t("title") };
}

export default async function Page() {
  const { fleetId } = await requirePage("bookings");
  const t = await getTranslations("batches");
  const [depots, drivers, vehicles] = await Promise.all([
    db.depot.findMany({
      where: { fleetId },
      select: { name: true, latitude: true, longitude: true },
      orderBy: { name: "asc" },
    }),
    listFleetDrivers(fleetId),
    bookableVehicles(fleetId),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("newDescription")} />
      <BatchForm fleetId={fleetId} depots={depots} drivers={drivers} vehicles={vehicles} />
    </>
  );
}
