import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { requirePage } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { resolvePrefilledCharger, type BookableEvse } from "@/lib/bookings/chargers";
import { defaultBookingProviders } from "@/lib/bookings/providers";
import { listFleetDrivers } from "@/lib/bookings/records";
import { BOOKABLE_PROVIDERS } from "@/lib/bookings/schemas";
import { bookableVehicles } from "@/lib/vehicles/vehicles";
import { PageHeader } from "@/components/ui/page-header";
import { BookingWizard } from "@/components/bookings/booking-forms-lazy";

export async function generateMetadata() {
  const t = await getTranslations("wizard");
  return { title: t("title") };
}

/** What the map's "Book" link carries (lat/lng are optional extras that save a wide search). */
const prefillParams = z.object({
  provider: z.enum(BOOKABLE_PROVIDERS),
  locationId: z.string().min(1),
  evseUid: z.string().min(1),
  connectorId: z.string().min(1).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

const windowParams = z.object({
  start: z.iso.datetime({ offset: true }).optional(),
  end: z.iso.datetime({ offset: true }).optional(),
});

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { fleetId } = await requirePage("bookings");
  const params = await searchParams;
  const t = await getTranslations("wizard");
  const [drivers, vehicles, depots] = await Promise.all([
    listFleetDrivers(fleetId),
    bookableVehicles(fleetId),
    db.depot.findMany({
      where: { fleetId },
      select: { name: true, latitude: true, longitude: true },
      orderBy: { name: "asc" },
    }),
  ]);

  let prefilled: BookableEvse | null = null;
  let prefillProblem: string | undefined;
  const prefill = prefillParams.safeParse(params);
  if (prefill.success) {
    const near =
      prefill.data.lat !== undefined && prefill.data.lng !== undefined
        ? { latitude: prefill.data.lat, longitude: prefill.data.lng }
        : (depots[0] ?? { latitude: 52.52, longitude: 13.405 });
    prefilled = await resolvePrefilledCharger(defaultBookingProviders(), { ...prefill.data, fleetId, near }).catch(
      () => null,
    );
    if (!prefilled) prefillProblem = t("prefillProblem");
  }
  const window = windowParams.safeParse(params);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link className="text-sm underline" href="/bookings/batches/new">
            {t("bookSeveral")}
          </Link>
        }
      />
      <BookingWizard
        fleetId={fleetId}
        drivers={drivers}
        vehicles={vehicles}
        depots={depots}
        prefilled={prefilled}
        prefilledProvider={prefill.success ? prefill.data.provider : undefined}
        prefillProblem={prefillProblem}
        initialWindow={window.success ? window.data : undefined}
      />
    </>
  );
}
