import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { listFleetDrivers } from "@/lib/bookings/records";
import { PageHeader } from "@/components/ui/page-header";
import { BookingsList } from "@/components/bookings/bookings-list-client";

export async function generateMetadata() {
  const t = await getTranslations("bookings");
  return { title: t("list.title") };
}

export default async function Page() {
  const { fleetId } = await requirePage("bookings");
  const drivers = await listFleetDrivers(fleetId);
  const [t, board] = await Promise.all([getTranslations("bookings"), getTranslations("board")]);
  return (
    <>
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <>
            <Link
              href="/bookings/board"
              className="inline-flex h-10 items-center rounded-md border border-slate-300 px-4 text-sm dark:border-slate-700"
            >
              {board("openBoard")}
            </Link>
            <Link
              href="/bookings/batches/new"
              className="inline-flex h-10 items-center rounded-md border border-slate-300 px-4 text-sm dark:border-slate-700"
            >
              {t("list.batchBooking")}
            </Link>
            <Link
              href="/bookings/new"
              className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              {t("list.newBooking")}
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
