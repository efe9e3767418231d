// The emails the app sends, each in its recipient's language (her User.locale; English without one).
import type { Role } from "@/lib/auth/permissions";
import { addressLine, chargerMapLink, coordinatesText } from "@/lib/bookings/presentation";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import { tokenInstructions, wordsOf, type TokenFacts, type Words } from "./words";

export interface EmailText {
  subject: string;
  text: string;
}

/** An invitation to a fleet, with the link that accepts, declines or signs up. */
export function fleetInvitationEmail(
  invitation: { inviter: string; fleet: string; role: Role; link: string },
  words: Words,
): EmailText {
  const t = wordsOf(words.language, "emails.fleetInvitation");
  const { inviter, fleet, link } = invitation;
  const role = wordsOf(words.language, "roles")(invitation.role);
  return {
    subject: t("subject", { inviter, fleet }),
    text: [t("invited", { inviter, fleet, role }), t("nothingChanges"), link, "", t("ignore")].join("\n"),
  };
}

/** Where a booked charger is, as the email tells a driver. */
export type EmailCharger = Pick<
  ChargerSnapshot,
  "name" | "address" | "postalCode" | "city" | "latitude" | "longitude" | "positionKnown" | "timeZone"
>;

/** A booking handed to a driver: where to go, when, and which token to use. */
export function bookingAssignedEmail(
  booking: { charger: EmailCharger; windowStart: string; windowEnd: string; token: TokenFacts },
  words: Words,
): EmailText {
  const t = wordsOf(words.language, "emails.bookingAssigned");
  const { charger } = booking;
  const address = addressLine(charger);
  const coordinates = coordinatesText(charger as ChargerSnapshot);
  const window = words.format.window(booking.windowStart, booking.windowEnd, charger.timeZone);
  return {
    subject: t("subject", { charger: charger.name }),
    text: [
      t("intro"),
      "",
      t("where", { charger: charger.name }),
      address ? t("address", { address }) : null,
      coordinates ? t("coordinates", { coordinates }) : null,
      t("map", { link: chargerMapLink(charger) }),
      t("when", { window }),
      t("token", { token: tokenInstructions(booking.token, words) }),
    ]
      .filter((line) => line !== null)
      .join("\n"),
  };
}
