import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { BookingView } from "@/lib/bookings/records";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import type { Language } from "@/lib/i18n/languages";
import { renderedText, withIntl } from "@/tests/support/intl";
import { MyBookings } from "./my-bookings-client";
import { NavigationLinks } from "./navigation-links";
import { BookingStatusBadge } from "./status-badge";
import { BookingFailure } from "./wizard-failure";

const text = renderedText;

const charger: ChargerSnapshot = {
  name: "Depot Tempelhof",
  address: "Tempelhofer Damm 1",
  postalCode: "12101",
  city: "Berlin",
  latitude: 52.47,
  longitude: 13.38,
  timeZone: "Europe/Berlin",
  reservable: true,
  connectorStandard: "IEC_62196_T2_COMBO",
  powerType: "DC",
  powerKw: 150,
};

const booking: BookingView = {
  id: "b1",
  fleetId: "f1",
  provider: "PETITMONDE",
  providerBookingId: "pm-1",
  externalId: "x1",
  status: "CONFIRMED",
  statusUpdatedAt: "2026-12-01T05:00:00Z",
  charger,
  locationId: "L1",
  evseUid: "E1",
  connectorId: null,
  windowStart: "2026-12-01T06:00:00Z",
  windowEnd: "2026-12-01T07:30:00Z",
  tokenStrategy: "RFID",
  customerId: null,
  tokenId: null,
  fleetGroupId: null,
  rfidValue: "04A1B2",
  assignedDriver: { id: "d1", name: "Dana" },
  vehicle: null,
  createdBy: null,
  priceMinor: 585,
  feeMinor: null,
  currency: "EUR",
  lastError: null,
  needsAttention: false,
  cancel: { kind: "free" },
  createdAt: "2026-11-30T10:00:00Z",
  lastSyncedAt: null,
} as BookingView;

function myBookings(bookings: BookingView[], language: Language) {
  return text(
    <QueryClientProvider client={new QueryClient()}>
      <MyBookings fleetId="f1" initial={bookings} startOffers={{}} />
    </QueryClientProvider>,
    language,
  );
}

describe("booking words", () => {
  it("names a status in the reader's language", () => {
    expect(text(<BookingStatusBadge status="NO_SHOW" />)).toBe("No-show");
    expect(text(<BookingStatusBadge status="CONFIRMED" />, "de")).not.toBe("Confirmed");
  });

  it("says where to navigate, or that nobody knows", () => {
    const html = renderToStaticMarkup(withIntl(<NavigationLinks charger={charger} />));
    expect(html).toContain('aria-label="Navigate to Depot Tempelhof"');
    expect(html).toContain('<span class="sr-only"> (opens in a new tab)</span>');
    const unknown = { ...charger, positionKnown: false, address: undefined };
    expect(text(<NavigationLinks charger={unknown} />)).toBe(
      "The charger's position and street address are not known: ask the dispatcher how to find it.",
    );
    expect(text(<NavigationLinks charger={unknown} />, "de")).toContain("Disponenten");
  });

  it("offers alternatives after a refusal, or says none is free", () => {
    const alternative = { locationId: "L2", evseUid: "E2", charger: { ...charger, name: "Hafen" }, distanceM: 1200 };
    const refused = {
      bookingId: "b1",
      failure: { code: "CONFLICT", message: "Taken." },
      alternatives: [alternative],
    } as Parameters<typeof BookingFailure>[0]["result"];
    const shown = text(<BookingFailure result={refused} pending={false} onBookInstead={() => {}} />);
    expect(shown).toContain("Hafen");
    expect(shown).toContain("· 1.2 km away");
    expect(shown).toContain("Book this instead");
    const none = { ...refused, alternatives: [] };
    expect(text(<BookingFailure result={none} pending={false} onBookInstead={() => {}} />)).toBe(
      "Taken. No other charge point nearby is free in this window. Try another time.",
    );
    expect(text(<BookingFailure result={none} pending={false} onBookInstead={() => {}} />, "de")).toContain(
      "kein anderer Ladepunkt frei",
    );
  });

  it("tells the driver which token to use", () => {
    expect(myBookings([booking], "en")).toContain("Use the RFID tag 04A1B2 at the depot charger.");
    expect(myBookings([{ ...booking, rfidValue: null }], "en")).toContain("Use the RFID tag at the depot charger.");
    expect(myBookings([{ ...booking, tokenStrategy: "GROUP_TOKEN" }], "en")).toContain(
      "Use the fleet's charging card or app token (Petit Monde fleet group of your fleet).",
    );
    expect(myBookings([{ ...booking, tokenStrategy: "DRIVER_TOKEN", customerId: "C7" }], "en")).toContain(
      "Use your own Petit Monde card or app (customer C7).",
    );
    expect(myBookings([booking], "de")).toContain("Verwenden Sie an der Depot-Ladestation den RFID-Tag 04A1B2.");
    expect(myBookings([], "de")).toContain("Ihnen sind keine Buchungen zugewiesen");
  });
});
