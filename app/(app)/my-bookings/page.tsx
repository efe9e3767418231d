import { requirePage } from "@/lib/auth/session";
import { listDriverBookings } from "@/lib/bookings/records";
import { PageHeader } from "@/components/ui/page-header";
import { MyBookings } from "@/components/bookings/my-bookings-client";
import { Notifications } from "@/components/notifications/notification-bell-client";

export const metadata = { title: "My bookings" };

export default async function Page() {
  const { user, fleetId } = await requirePage("my-bookings");
  const bookings = await listDriverBookings(fleetId, user.id);
  return (
    <>
      <PageHeader title="My bookings" description="Chargers booked for you: where, when, and which token to use." />
      <div className="grid gap-6 lg:grid-cols-3">
        <section className="lg:col-span-2">
          <MyBookings fleetId={fleetId} initial={bookings} />
        </section>
        <section aria-labelledby="notifications-heading">
          <h2 id="notifications-heading" className="mb-2 text-sm font-semibold">
            Notifications
          </h2>
          <Notifications />
        </section>
      </div>
    </>
  );
}
