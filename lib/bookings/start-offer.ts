// The start a booking's screen offers: its own EVSE as a remote-start provider sees it (matched by eMI3 id,
// since the booking's provider may not start sessions itself), for the booking's driver, or why not.
import "server-only";
import { failureWords } from "@/lib/actions/errors";
import type { Role } from "@/lib/auth/permissions";
import { PROVIDER_LABELS, type Evse } from "@/lib/domain";
import { connectorName } from "@/lib/domain/labels";
import { translator } from "@/lib/i18n/messages";
import { readerFormatter, readerLanguage } from "@/lib/i18n/reader";
import { providersWith, type AdapterWith } from "@/lib/providers";
import { normaliseEvseId } from "@/lib/search/merge";
import { listFleetDrivers } from "@/lib/sessions/fleet-drivers";
import { startAvailability } from "@/lib/sessions/start-availability";
import { tokenInstructionsIn } from "./presentation";
import type { BookingView } from "./records";
import { START_LEAD_MS, startWindow, type StartOffer } from "./start-window";

type RemoteControl = AdapterWith<"remoteStartStop">;
interface Found {
  control: RemoteControl;
  locationId: string;
  evse: Evse;
}

const LOOKUP_TIMEOUT_MS = 6_000;
const MINUTE = 60_000;

/** The booking's EVSE at the first remote-start provider that lists it; "unreadable" when none could answer. */
async function findAtRemoteStartProvider(booking: BookingView): Promise<Found | "unreadable" | null> {
  const wanted = normaliseEvseId(booking.charger.evseId ?? booking.evseUid);
  if (!wanted) return null;
  const searchers = providersWith("search");
  let answered = false;
  for (const control of providersWith("remoteStartStop")) {
    const searcher = searchers.find((s) => s.name === control.name);
    if (!searcher) continue;
    try {
      const locations = await searcher.search(
        {
          latitude: booking.charger.latitude,
          longitude: booking.charger.longitude,
          // Without a known position the coordinates are where the booking's search was made.
          radiusM: booking.charger.positionKnown === false ? 10_000 : 500,
          limit: 300,
        },
        { signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS) },
      );
      answered = true;
      for (const location of locations) {
        const evse = location.evses.find((e) => normaliseEvseId(e.evseId) === wanted);
        if (evse) return { control, locationId: location.id, evse };
      }
    } catch {
      // This provider could not be asked now; another one may still list the EVSE.
    }
  }
  return answered ? null : "unreadable";
}

/** The offer, or in the reader's words why a start cannot work. */
export async function bookingStartOffer(
  booking: BookingView,
  viewer: { fleetId: string; role: Role; userId: string },
  now: number = Date.now(),
): Promise<StartOffer | null> {
  const window = startWindow(booking, now);
  if (window === "not-now") return null;
  const language = await readerLanguage();
  const say = failureWords(language).errors;
  const token = tokenInstructionsIn(translator(language, "bookings"), booking);
  if (window === "too-early")
    return { canStart: false, reason: say("bookings.startOffer.tooEarly", { minutes: START_LEAD_MS / MINUTE }) };

  const found = await findAtRemoteStartProvider(booking);
  if (found === "unreadable") return { canStart: false, reason: say("bookings.startOffer.unreadable") };
  if (!found) return { canStart: false, reason: say("bookings.startOffer.notStartable", { token }) };

  const { control, locationId, evse } = found;
  const label = PROVIDER_LABELS[control.name];
  const availability = startAvailability({
    status: evse.status,
    remoteStart: evse.capabilities.includes("REMOTE_START_STOP_CAPABLE"),
  });
  if (!availability.canStart) {
    // In its window a reserved EVSE is held for this very booking, and takes only the booking's own token.
    const heldForBooking = evse.status === "RESERVED" && now >= Date.parse(booking.windowStart);
    const reason = heldForBooking
      ? say("bookings.startOffer.heldForBooking", { provider: label, token })
      : say("sessions.unavailable", { why: availability.why });
    return { canStart: false, reason };
  }

  const drivers = (await listFleetDrivers(viewer.fleetId))
    .filter((d) =>
      viewer.role === "DRIVER" ? d.id === viewer.userId : !booking.assignedDriver || d.id === booking.assignedDriver.id,
    )
    .map((d) => ({ id: d.id, name: d.name, hasProviderUser: Boolean(d.providerUserIds[control.name]) }));
  if (drivers.length === 0) {
    const reason = booking.assignedDriver
      ? say("bookings.startOffer.driverGone", { name: booking.assignedDriver.name })
      : say("bookings.startOffer.noDrivers");
    return { canStart: false, reason };
  }
  if (!drivers.some((d) => d.hasProviderUser)) {
    const reason =
      drivers.length === 1
        ? say("bookings.startOffer.driverWithoutUser", { name: drivers[0].name, provider: label, token })
        : say("bookings.startOffer.noDriverWithUser", { provider: label, token });
    return { canStart: false, reason };
  }

  const [f, common] = [await readerFormatter(), translator(language, "common")];
  return {
    canStart: true,
    provider: control.name,
    providerLabel: label,
    restartGuardSeconds: control.restartGuardSeconds,
    locationId,
    evseId: evse.evseId,
    connectors: evse.connectors.map((c) => ({
      connectorId: c.id,
      evseUid: evse.uid,
      evseId: evse.evseId,
      label: `${evse.evseId} · ${connectorName(common, c.standard)} ${f.power(c.powerKw)}`,
    })),
    drivers,
    driverId: drivers.length === 1 ? drivers[0].id : booking.assignedDriver?.id,
  };
}
