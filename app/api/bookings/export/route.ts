// The fleet's bookings matching the list's filters, or the ones selected in it (`ids`), as a CSV download.
import { fleetRoute } from "@/lib/actions/route";
import { api } from "@/lib/api/contract";
import { PAGE_ROLES } from "@/lib/auth/permissions";
import { bookingsCsv } from "@/lib/bookings/bookings-csv";
import { listFleetBookings } from "@/lib/bookings/records";
import { csvResponse } from "@/lib/csv";
import { readerLanguage } from "@/lib/i18n/reader";

/** Far more than a fleet books in a year; the list on screen pages 200 at a time. */
const EXPORT_LIMIT = 20_000;

export const GET = fleetRoute(api.bookings.export, {
  roles: PAGE_ROLES.bookings,
  async run({ input, fleetId }) {
    const { fleetId: _fleet, refresh: _refresh, ...filter } = input;
    const bookings = await listFleetBookings(fleetId, filter, EXPORT_LIMIT);
    return csvResponse(
      bookingsCsv(bookings, await readerLanguage()),
      `bookings-${new Date().toISOString().slice(0, 10)}.csv`,
    );
  },
});
