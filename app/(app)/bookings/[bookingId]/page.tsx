import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { getBookingDetail, listFleetDrivers } from "@/lib/bookings/records";
import { bookingStartOffer } from "@/lib/bookings/start-offer";
import { PageHeader } from "@/components/ui/page-header";
import { BookingDetail } from "@/components/bookings/booking-detail-client";

export async function generateMetadata() {
  const t = await getTranslations("bookings");
  return { title: t("detail.title") };
}

export default async function Page({ params }: { params: Promise<{ bookingId: string }> }) {
  const { fleetId, role, user } = await requirePage("bookings");
  const { bookingId } = await params;
  const t = await getTranslations("bookings");
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
            {t("detail.allBookings")}
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
