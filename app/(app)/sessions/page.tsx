import { Suspense } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { RunningSessions } from "@/components/sessions/live-session-card";
import { SessionHistory } from "@/components/sessions/session-history-client";
import { listFleetDrivers } from "@/lib/sessions/fleet-drivers";
import { sessionFilterOptions } from "@/lib/sessions/list-sessions";
import { db } from "@/lib/db";

export async function generateMetadata() {
  const t = await getTranslations("sessions");
  return { title: t("title") };
}

export default async function SessionsPage() {
  const { fleetId, role, user } = await requirePage("sessions");
  const t = await getTranslations("sessions");
  const isDriver = role === "DRIVER";
  const onlyDriverId = isDriver ? user.id : undefined;
  const [options, drivers, keys] = await Promise.all([
    sessionFilterOptions(fleetId, onlyDriverId),
    isDriver ? [] : listFleetDrivers(fleetId),
    db.chargingKey.findMany({
      where: { fleetId, ...(onlyDriverId ? { assignedDriverId: onlyDriverId } : {}) },
      select: { id: true, name: true, visualNumber: true, keyId: true },
      take: 500,
    }),
  ]);
  return (
    <>
      <PageHeader
        title={isDriver ? t("myTitle") : t("title")}
        description={isDriver ? t("myDescription") : t("description")}
        actions={
          role !== "MANAGER" && (
            <Link
              className="inline-flex h-10 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
              href="/sessions/start"
            >
              {t("startASession")}
            </Link>
          )
        }
      />
      <RunningSessions fleetId={fleetId} />
      <Suspense>
        <SessionHistory
          fleetId={fleetId}
          isDriver={isDriver}
          canSync={role !== "DRIVER"}
          options={{
            ...options,
            drivers: drivers.map((d) => ({ id: d.id, name: d.name })),
            keys: keys.map((k) => ({ id: k.id, label: k.name ?? k.visualNumber ?? k.keyId })),
          }}
        />
      </Suspense>
    </>
  );
}
