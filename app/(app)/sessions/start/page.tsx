import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { StartSessionForm, type StartConnectorOption } from "@/components/sessions/start-session-client";
import { isProviderName, PROVIDER_LABELS } from "@/lib/domain";
import { connectorName } from "@/lib/domain/labels";
import { serverFormatter } from "@/lib/format/server";
import { listFleetDrivers } from "@/lib/sessions/fleet-drivers";
import { remoteControl } from "@/lib/sessions/remote-control";
import { startAvailability } from "@/lib/sessions/start-availability";
import { providersWith } from "@/lib/providers";
import { db } from "@/lib/db";

export async function generateMetadata() {
  const t = await getTranslations("sessions");
  return { title: t("start.title") };
}

interface Search {
  provider?: string;
  locationId?: string;
  evseUid?: string;
  connectorId?: string;
  driverId?: string;
  bookingId?: string;
}

export default async function StartSessionPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { fleetId, role, user } = await requirePage("sessions");
  const search = await searchParams;
  const t = await getTranslations("sessions");
  const back = <Link href="/sessions">{t("backToSessions")}</Link>;
  if (role === "MANAGER") {
    return (
      <>
        <PageHeader title={t("start.title")} />
        <p>{t("start.managersCannot")}</p>
      </>
    );
  }
  const control = remoteControl(search.provider && isProviderName(search.provider) ? search.provider : undefined);
  if (!control) {
    return (
      <>
        <PageHeader title={t("start.title")} description={back} />
        <p>{t("start.notFromDashboard")}</p>
      </>
    );
  }
  const label = PROVIDER_LABELS[control.name];
  const allDrivers = await listFleetDrivers(fleetId);
  const drivers = (role === "DRIVER" ? allDrivers.filter((d) => d.id === user.id) : allDrivers).map((d) => ({
    id: d.id,
    name: d.name,
    hasProviderUser: Boolean(d.providerUserIds[control.name]),
  }));
  // From a booking: its driver; the connector still comes from the charger of the remote-start provider.
  const booking = search.bookingId ? await db.booking.findFirst({ where: { id: search.bookingId, fleetId } }) : null;

  let chargerName: string | undefined;
  let connectors: StartConnectorOption[] = [];
  let lookupError: string | undefined;
  const locations = providersWith("search").find((a) => a.name === control.name);
  const f = await serverFormatter();
  const common = await getTranslations("common");
  /** Why a start cannot work on an EVSE (the cases of startAvailability), in the reader's words. */
  const whyNot = (status: string, remoteStart: boolean) => {
    if (!remoteStart) return t("start.unavailable.noRemoteStart");
    return t.has(`start.unavailable.${status}`) ? t(`start.unavailable.${status}`) : t("start.unavailable.UNKNOWN");
  };
  if (search.locationId && locations?.getLocation) {
    try {
      const location = await locations.getLocation(search.locationId);
      if (location) {
        chargerName = [location.name, location.address, location.city].filter(Boolean).join(", ");
        connectors = location.evses
          .filter((e) => !search.evseUid || e.uid === search.evseUid)
          .flatMap((e) => {
            const remoteStart = e.capabilities.includes("REMOTE_START_STOP_CAPABLE");
            const availability = startAvailability({ status: e.status, remoteStart });
            return e.connectors.map((c) => ({
              connectorId: c.id,
              evseUid: e.uid,
              evseId: e.evseId,
              label: `${e.evseId} · ${connectorName(common, c.standard)} ${f.power(c.powerKw)}`,
              unavailableReason: availability.canStart ? undefined : whyNot(e.status, remoteStart),
            }));
          });
      } else lookupError = t("start.chargerUnknown", { provider: label });
    } catch {
      lookupError = t("start.lookupFailed", { provider: label });
    }
  }

  // Opened for one EVSE (from the map): the same charger's other charge points, should this one not start.
  const whole = new URLSearchParams({ provider: control.name, locationId: search.locationId ?? "" });
  if (search.driverId) whole.set("driverId", search.driverId);
  const otherConnectorsHref = search.evseUid && search.locationId ? `/sessions/start?${whole}` : undefined;

  return (
    <>
      <PageHeader title={t("start.title")} description={back} />
      {lookupError && <p className="mb-4 text-sm text-amber-800 dark:text-amber-200">{lookupError}</p>}
      <StartSessionForm
        fleetId={fleetId}
        provider={control.name}
        providerLabel={label}
        restartGuardSeconds={control.restartGuardSeconds}
        drivers={drivers}
        connectors={connectors}
        chargerName={chargerName}
        otherConnectorsHref={otherConnectorsHref}
        preset={{
          driverId: role === "DRIVER" ? user.id : (search.driverId ?? booking?.assignedDriverId ?? undefined),
          connectorId: search.connectorId,
          evseUid: search.evseUid,
          locationId: search.locationId,
        }}
      />
    </>
  );
}
