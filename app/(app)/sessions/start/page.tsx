import Link from "next/link";
import { requirePage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { StartSessionForm, type StartConnectorOption } from "@/components/sessions/start-session-client";
import { isProviderName, PROVIDER_LABELS } from "@/lib/domain";
import { connectorLabel } from "@/lib/domain/labels";
import { serverFormatter } from "@/lib/format/server";
import { listFleetDrivers } from "@/lib/sessions/fleet-drivers";
import { remoteControl } from "@/lib/sessions/remote-control";
import { startAvailability } from "@/lib/sessions/start-availability";
import { providersWith } from "@/lib/providers";
import { db } from "@/lib/db";

export const metadata = { title: "Start a session" };

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
  if (role === "MANAGER") {
    return (
      <>
        <PageHeader title="Start a session" />
        <p>Managers review sessions; dispatchers, admins and drivers start them.</p>
      </>
    );
  }
  const control = remoteControl(search.provider && isProviderName(search.provider) ? search.provider : undefined);
  if (!control) {
    return (
      <>
        <PageHeader title="Start a session" description={<Link href="/sessions">← Sessions</Link>} />
        <p>Sessions at this charger cannot be started from the dashboard.</p>
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
  if (search.locationId && locations?.getLocation) {
    try {
      const location = await locations.getLocation(search.locationId);
      if (location) {
        chargerName = [location.name, location.address, location.city].filter(Boolean).join(", ");
        connectors = location.evses
          .filter((e) => !search.evseUid || e.uid === search.evseUid)
          .flatMap((e) => {
            const availability = startAvailability({
              status: e.status,
              remoteStart: e.capabilities.includes("REMOTE_START_STOP_CAPABLE"),
            });
            return e.connectors.map((c) => ({
              connectorId: c.id,
              evseUid: e.uid,
              evseId: e.evseId,
              label: `${e.evseId} · ${connectorLabel(c.standard)} ${f.power(c.powerKw)}`,
              unavailableReason: availability.canStart ? undefined : availability.reason,
            }));
          });
      } else lookupError = `${label} does not know this charger any more.`;
    } catch {
      lookupError = `The charger's details could not be loaded from ${label}; you can still enter the connector id.`;
    }
  }

  // Opened for one EVSE (from the map): the same charger's other charge points, should this one not start.
  const whole = new URLSearchParams({ provider: control.name, locationId: search.locationId ?? "" });
  if (search.driverId) whole.set("driverId", search.driverId);
  const otherConnectorsHref = search.evseUid && search.locationId ? `/sessions/start?${whole}` : undefined;

  return (
    <>
      <PageHeader title="Start a session" description={<Link href="/sessions">← Sessions</Link>} />
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
