// Notifications and emails are said from their kind and facts: in English exactly as they were always written,
// and in the reader's (or recipient's) language, with dates and money formatted for it.
import { describe, expect, it } from "vitest";
import { tokenInstructions as englishTokenInstructions } from "@/lib/bookings/presentation";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import type { TokenStrategy } from "@/lib/domain";
import { createFormatter } from "@/lib/format";
import { bookingAssignedEmail, fleetInvitationEmail } from "./emails";
import {
  bookingAssignedFacts,
  bookingAttentionKind,
  describeNotification,
  notificationEmail,
  notificationRow,
  notificationText,
} from "./kinds";
import { STORED_WORDS, tokenInstructions, wordsFor } from "./words";

const german = wordsFor("de");
const en = createFormatter({ locale: "en-GB" });
const de = createFormatter({ locale: "de-DE" });

const charger: ChargerSnapshot = {
  name: "Depot Tempelhof",
  address: "Tempelhofer Damm 1",
  postalCode: "12101",
  city: "Berlin",
  latitude: 52.47,
  longitude: 13.38,
  timeZone: "Europe/Berlin",
  reservable: true,
};

function booking(token: Partial<Record<"customerId" | "tokenId" | "fleetGroupId" | "rfidValue", string>> = {}) {
  return {
    locationSnapshot: charger as never,
    windowStart: new Date("2026-12-01T06:00:00Z"),
    windowEnd: new Date("2026-12-01T07:30:00Z"),
    tokenStrategy: "GROUP_TOKEN" as TokenStrategy,
    customerId: null,
    tokenId: null,
    fleetGroupId: null,
    rfidValue: null,
    ...token,
  };
}

describe("a notification's words", () => {
  it("are stored in English as before, with the facts kept beside its links", () => {
    const row = notificationRow({
      userId: "u1",
      kind: "fleet.driver-without-key",
      facts: { driver: "Nia New", fleet: "Prompt Vans" },
      data: { href: "/keys", driverId: "d1" },
    });
    expect(row).toEqual({
      userId: "u1",
      kind: "fleet.driver-without-key",
      title: "Nia New joined Prompt Vans and has no charging key — assign one",
      body: "Until Nia New has a charging key of Prompt Vans, they cannot charge with the fleet's cards. Under Charging keys, give them one of the fleet's unassigned keys.",
      data: { href: "/keys", driverId: "d1", facts: { driver: "Nia New", fleet: "Prompt Vans" } },
    });
  });

  it("say invitations and their answers in English as before, and in German", () => {
    const invited = { inviter: "Ada Admin", fleet: "Berlin Vans", role: "DISPATCHER" } as const;
    expect(notificationText("fleet.invitation", invited, STORED_WORDS)).toEqual({
      title: "Ada Admin invited you to join Berlin Vans",
      body: "As Dispatcher. Nothing changes until you accept: open Invitations to accept or decline.",
    });
    expect(notificationText("fleet.invitation", { ...invited, inviter: null }, STORED_WORDS).title).toBe(
      "A fleet admin invited you to join Berlin Vans",
    );
    expect(notificationText("fleet.invitation", invited, german)).toEqual({
      title: "Ada Admin hat Sie eingeladen, Berlin Vans beizutreten",
      body: "Als Disponent. Bis Sie annehmen, ändert sich nichts: Öffnen Sie „Einladungen“, um anzunehmen oder abzulehnen.",
    });
    const answered = { who: "Nia", fleet: "Berlin Vans" };
    expect(notificationText("fleet.invitation-answered", { ...answered, answer: "accepted" }, STORED_WORDS)).toEqual({
      title: "Nia accepted your invitation to Berlin Vans",
      body: "Nia is now a member of Berlin Vans.",
    });
    expect(notificationText("fleet.invitation-answered", { ...answered, answer: "declined" }, STORED_WORDS)).toEqual({
      title: "Nia declined your invitation to Berlin Vans",
      body: "Nia will not join Berlin Vans. You can invite them again later.",
    });
    expect(notificationText("fleet.invitation-answered", { ...answered, answer: "declined" }, german).title).toBe(
      "Nia hat Ihre Einladung zu Berlin Vans abgelehnt",
    );
  });

  it("tell a booking's creator its news, with a fee in the reader's money format", () => {
    expect(bookingAttentionKind("NO_SHOW")).toBe("booking.no_show");
    expect(bookingAttentionKind("OUTCOME_UNKNOWN")).toBe("booking.outcome_unknown");
    expect(bookingAttentionKind("CONFIRMED")).toBeNull();
    const fee = { charger: "Depot Tempelhof", feeMinor: 1500, currency: "EUR" };
    expect(notificationText("booking.no_show", fee, STORED_WORDS)).toEqual({
      title: "Driver did not show up",
      body: `Depot Tempelhof. The provider reported a fee of ${en.money(1500, "EUR")}.`,
    });
    expect(notificationText("booking.failed", { ...fee, feeMinor: null }, STORED_WORDS)).toEqual({
      title: "Booking failed",
      body: "Depot Tempelhof.",
    });
    expect(notificationText("booking.expired", { ...fee, currency: null }, STORED_WORDS).body).toBe(
      "Depot Tempelhof. The provider reported a fee but not its currency.",
    );
    expect(notificationText("booking.no_show", fee, german)).toEqual({
      title: "Fahrer ist nicht erschienen",
      body: `Depot Tempelhof. Der Anbieter hat eine Gebühr von ${de.money(1500, "EUR")} gemeldet.`,
    });
  });

  it("tell a driver where, when and with which token, in English as before and in German", () => {
    const facts = bookingAssignedFacts(booking({ fleetGroupId: "G-7" }));
    const window = en.window("2026-12-01T06:00:00Z", "2026-12-01T07:30:00Z", "Europe/Berlin");
    expect(notificationText("booking.assigned", facts, STORED_WORDS)).toEqual({
      title: "Charging booked for you: Depot Tempelhof",
      body: [
        "Depot Tempelhof, Tempelhofer Damm 1, 12101 Berlin",
        window,
        "Use the fleet's charging card or app token (Petit Monde fleet group G-7).",
      ].join("\n"),
    });
    const inGerman = notificationText("booking.assigned", facts, german);
    expect(inGerman.title).toBe("Für Sie gebucht: Depot Tempelhof");
    expect(inGerman.body.split("\n")[1]).toBe(
      de.window("2026-12-01T06:00:00Z", "2026-12-01T07:30:00Z", "Europe/Berlin"),
    );
  });

  it("tell the driver a booking was taken from that it is not theirs now, in English and in German", () => {
    const { charger, windowStart, windowEnd } = bookingAssignedFacts(booking({}));
    const facts = { charger, windowStart, windowEnd };
    const window = en.window(windowStart, windowEnd, "Europe/Berlin");
    expect(notificationText("booking.unassigned", facts, STORED_WORDS)).toEqual({
      title: "No longer yours: charging at Depot Tempelhof",
      body: `${window}. The dispatcher handed this booking to someone else: do not go there for it.`,
    });
    expect(notificationText("booking.unassigned", facts, german).title).toBe(
      "Nicht mehr Ihre Buchung: Laden an Depot Tempelhof",
    );
  });

  it("name every token as the English instructions always did", () => {
    const variants: Array<[TokenStrategy, Parameters<typeof booking>[0]]> = [
      ["GROUP_TOKEN", {}],
      ["GROUP_TOKEN", { fleetGroupId: "G-7" }],
      ["DRIVER_TOKEN", { tokenId: "T-1" }],
      ["DRIVER_TOKEN", { customerId: "C-9" }],
      ["DRIVER_TOKEN", {}],
      ["RFID", { rfidValue: "04A1B2" }],
      ["RFID", {}],
      ["AD_HOC", {}],
    ];
    for (const [tokenStrategy, token] of variants) {
      const facts = bookingAssignedFacts({ ...booking(token), tokenStrategy });
      expect(tokenInstructions(facts.token, STORED_WORDS)).toBe(englishTokenInstructions(facts.token));
      expect(tokenInstructions(facts.token, german)).not.toBe(englishTokenInstructions(facts.token));
    }
  });
});

describe("listing a stored notification", () => {
  const facts = { inviter: "Ada Admin", fleet: "Berlin Vans", role: "DRIVER" };

  it("says it in the reader's language from its facts", () => {
    const row = { kind: "fleet.invitation", title: "stored", body: "stored", data: { href: "/invitations", facts } };
    expect(describeNotification(row, german)).toEqual({
      title: "Ada Admin hat Sie eingeladen, Berlin Vans beizutreten",
      body: "Als Fahrer. Bis Sie annehmen, ändert sich nichts: Öffnen Sie „Einladungen“, um anzunehmen oder abzulehnen.",
    });
  });

  it("shows a row without usable facts as it was stored", () => {
    const stored = { title: "Ada Admin invited you to join Berlin Vans", body: "As Driver." };
    for (const row of [
      { kind: "fleet.invitation", ...stored, data: { href: "/invitations" } },
      { kind: "fleet.invitation", ...stored, data: null },
      { kind: "fleet.invitation", ...stored, data: { facts: { fleet: 3 } } },
      { kind: "something.else", ...stored, data: { facts } },
      { kind: "toString", ...stored, data: { facts } },
    ]) {
      expect(describeNotification(row, german)).toEqual(stored);
    }
  });
});

describe("emails", () => {
  it("invite to a fleet in English as before, and in the recipient's German", () => {
    const invitation = {
      inviter: "Ada Admin",
      fleet: "Berlin Vans",
      role: "MANAGER" as const,
      link: "https://x/invite/t",
    };
    expect(fleetInvitationEmail(invitation, wordsFor(null))).toEqual({
      subject: "Ada Admin invited you to Berlin Vans on Fleet Charging",
      text: [
        "Ada Admin invited you to join the fleet Berlin Vans as Manager.",
        "Nothing changes until you accept. To accept or decline, open:",
        "https://x/invite/t",
        "",
        "If you did not expect this invitation, you can ignore this email.",
      ].join("\n"),
    });
    expect(fleetInvitationEmail({ ...invitation, role: "DRIVER" }, german)).toEqual({
      subject: "Ada Admin hat Sie zu Berlin Vans bei Fleet Charging eingeladen",
      text: [
        "Ada Admin hat Sie eingeladen, der Flotte Berlin Vans als Fahrer beizutreten.",
        "Bis Sie annehmen, ändert sich nichts. Zum Annehmen oder Ablehnen öffnen Sie:",
        "https://x/invite/t",
        "",
        "Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.",
      ].join("\n"),
    });
  });

  it("tell a driver of her booking in English as before, and in German with German dates", () => {
    const facts = bookingAssignedFacts({ ...booking({ rfidValue: "04A1B2" }), tokenStrategy: "RFID" });
    const link = "https://www.openstreetmap.org/?mlat=52.47&mlon=13.38#map=17/52.47/13.38";
    expect(notificationEmail("booking.assigned", facts, wordsFor(null))).toEqual({
      subject: "Charging booked for you: Depot Tempelhof",
      text: [
        "A charger has been booked for you.",
        "",
        "Where: Depot Tempelhof",
        "Address: Tempelhofer Damm 1, 12101 Berlin",
        "Coordinates: 52.47000, 13.38000",
        `Map: ${link}`,
        `When: ${en.window("2026-12-01T06:00:00Z", "2026-12-01T07:30:00Z", "Europe/Berlin")}`,
        "Token: Use the RFID tag 04A1B2 at the depot charger.",
      ].join("\n"),
    });
    expect(bookingAssignedEmail(facts, german)).toEqual({
      subject: "Für Sie gebucht: Depot Tempelhof",
      text: [
        "Für Sie wurde eine Ladestation gebucht.",
        "",
        "Wo: Depot Tempelhof",
        "Adresse: Tempelhofer Damm 1, 12101 Berlin",
        "Koordinaten: 52.47000, 13.38000",
        `Karte: ${link}`,
        `Wann: ${de.window("2026-12-01T06:00:00Z", "2026-12-01T07:30:00Z", "Europe/Berlin")}`,
        "Token: Verwenden Sie das RFID-Tag 04A1B2 an der Depot-Ladestation.",
      ].join("\n"),
    });
    expect(notificationEmail("fleet.driver-without-key", { driver: "Nia", fleet: "Vans" }, german)).toBeNull();
  });
});

describe("alert notifications", () => {
  const alertFacts = {
    alertKind: "session.stop_failed",
    alertFacts: { charger: { name: "Depot Süd" }, startedAt: "2026-12-03T08:00:00Z" },
  };

  it("say a new alert in the alert's own words, in the recipient's language, with an email copy", () => {
    expect(notificationText("alert.raised", alertFacts, wordsFor("de")).title).toBe(
      "Stopp an Depot Süd fehlgeschlagen",
    );
    const email = notificationEmail("alert.raised", alertFacts, wordsFor("en"));
    expect(email?.subject).toBe("Stop failed at Depot Süd");
    expect(email?.text).toContain("was asked to stop, but the charger reported that it could not");
    expect(email?.text).toContain("Open Alerts in the fleet dashboard");
  });

  it("fall back to plain words for an alert whose kind this version does not know", () => {
    expect(notificationText("alert.raised", { alertKind: "later.kind", alertFacts: {} }, wordsFor("en"))).toEqual({
      title: "A new alert",
      body: "",
    });
  });

  it("carry a dispatcher's message to the driver as she wrote it", () => {
    const facts = { from: "Dan Dispatcher", message: "Please unplug the van", charger: "Depot Süd" };
    expect(notificationText("alert.message", facts, wordsFor("en"))).toEqual({
      title: "Dan Dispatcher about your charge at Depot Süd",
      body: "Please unplug the van",
    });
    expect(notificationEmail("alert.message", facts, wordsFor("de"))).toEqual({
      subject: "Dan Dispatcher zu Ihrem Laden an Depot Süd",
      text: "Please unplug the van",
    });
  });
});
