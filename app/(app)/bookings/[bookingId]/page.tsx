import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getBookingDetail, listFleetDrivers } from "@/lib/bookings/records";
import { bookingStartOffer } from "@/lib/bookings/start-offer";
import { PageHeader } from "@/components/ui/page-header";
import { BookingDetail } from "@/components/bookings/booking-detail-client";

export const metadata = { title: "Booking" };

export default async function Page({ params }: { params: Promise<{ bookingId: string }> }) {
  const { fleetId, role, user } = await requirePage("bookings");
  const { bookingId } = await params;
  const detail = await getBookingDetail(fleetId, bookingId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [drivers, startOffer] = await Promise.all([
    listFleetDrivers(fleetId),
    bookingStartOffer(detail.booking, { fleetId, role, userId: user.id }),
  ]);
  return (
    <>
      <PageHeader
        title={detail.booking.charger.name}
        description={
          <Link href="/bookings" className="underline">
            All bookings
          </Link>
        }
      />
      <BookingDetail
        fleetId={fleetId}
        bookingId={bookingId}
        drivers={drivers.map((d) => ({ id: d.id, name: d.name }))}
        initial={detail}
        startOffer={startOffer}
      />
    </>
  );
}
