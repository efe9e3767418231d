import Link from "next/link";
import { Suspense } from "react";
import { requirePage } from "@/lib/auth/session";
import { listFleetDrivers } from "@/lib/bookings/records";
import { PageHeader } from "@/components/ui/page-header";
import { BookingsList } from "@/components/bookings/bookings-list-client";

export const metadata = { title: "Bookings" };

export default async function Page() {
  const { fleetId } = await requirePage("bookings");
  const drivers = await listFleetDrivers(fleetId);
  return (
    <>
      <PageHeader
        title="Bookings"
        description="Every charger booking of the fleet, with its live status."
        actions={
          <>
            <Link
              href="/bookings/batches/new"
              className="inline-flex h-10 items-center rounded-md border border-slate-300 px-4 text-sm dark:border-slate-700"
            >
              Batch booking
            </Link>
            <Link
              href="/bookings/new"
              className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              New booking
            </Link>
          </>
        }
      />
      <Suspense>
        <BookingsList fleetId={fleetId} drivers={drivers.map((d) => ({ id: d.id, name: d.name }))} />
      </Suspense>
    </>
  );
}
