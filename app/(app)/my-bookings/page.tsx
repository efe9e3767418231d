import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { listDriverBookings } from "@/lib/bookings/records";
import { bookingStartOffer } from "@/lib/bookings/start-offer";
import { PageHeader } from "@/components/ui/page-header";
import { MyBookings } from "@/components/bookings/my-bookings-client";
import { Notifications } from "@/components/notifications/notification-bell-client";

export async function generateMetadata() {
  const t = await getTranslations("bookings");
  return { title: t("mine.title") };
}

export default async function Page() {
  const { user, fleetId, role } = await requirePage("my-bookings");
  const bookings = await listDriverBookings(fleetId, user.id);
  const t = await getTranslations("bookings");
  const viewer = { fleetId, role, userId: user.id };
  const startOffers = Object.fromEntries(
    await Promise.all(bookings.map(async (b) => [b.id, await bookingStartOffer(b, viewer)] as const)),
  );
  return (
    <>
      <PageHeader title={t("mine.title")} description={t("mine.description")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="min-w-0 lg:col-span-2">
          <MyBookings fleetId={fleetId} initial={bookings} startOffers={startOffers} />
        </section>
        <section aria-labelledby="notifications-heading" className="min-w-0">
          <h2 id="notifications-heading" className="mb-2 text-sm font-semibold">
            {t("mine.notifications")}
          </h2>
          <Notifications />
        </section>
      </div>
    </>
  );
}
