// What each kind of notification says, made from the facts stored with it (`data.facts`): written once in
// English into the row's title and body (logs, older readers), and said in the reader's language whenever the
// bell lists it. A row without facts, written before they were kept, is shown as it was stored.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ROLES } from "@/lib/auth/permissions";
import { addressLine } from "@/lib/bookings/presentation";
import type { ChargerSnapshot } from "@/lib/bookings/schemas";
import type { BookingStatus, TokenStrategy } from "@/lib/domain";
import { describeAlert } from "@/lib/alerts/kinds";
import { bookingAssignedEmail, type EmailText } from "./emails";
import { STORED_WORDS, tokenFacts, tokenInstructions, wordsOf, type Words } from "./words";

export interface NotificationText {
  title: string;
  body: string;
}

const kindWords = (words: Words) => wordsOf(words.language, "notifications.kinds");

const chargerPlace = z.object({
  name: z.string(),
  address: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  latitude: z.number(),
  longitude: z.number(),
  positionKnown: z.boolean().optional(),
  timeZone: z.string(),
});

const assignedFacts = z.object({
  charger: chargerPlace,
  windowStart: z.string(),
  windowEnd: z.string(),
  token: tokenFacts,
});

/** The statuses whose news the booking's creator is told. */
const ATTENTION_STATUSES = ["NO_SHOW", "EXPIRED", "FAILED", "OUTCOME_UNKNOWN"] as const satisfies BookingStatus[];
type AttentionStatus = (typeof ATTENTION_STATUSES)[number];

const bookingAttentionFacts = z.object({
  charger: z.string(),
  feeMinor: z.number().nullable(),
  currency: z.string().nullable(),
});

interface Kind<S extends z.ZodType> {
  facts: S;
  say(facts: z.output<S>, words: Words): NotificationText;
  /** The email copy of it, where there is one. */
  email?(facts: z.output<S>, words: Words): EmailText;
}

function kind<S extends z.ZodType>(definition: Kind<S>): Kind<S> {
  return definition;
}

function bookingAttention(status: AttentionStatus) {
  return kind({
    facts: bookingAttentionFacts,
    say({ charger, feeMinor, currency }, words) {
      const t = kindWords(words);
      const title = t(`bookingAttention.titles.${status}`);
      if (!feeMinor) return { title, body: t("bookingAttention.body", { charger }) };
      const fee = currency
        ? t("bookingAttention.fee", { fee: words.format.money(feeMinor, currency) })
        : t("bookingAttention.feeWithoutCurrency");
      return { title, body: t("bookingAttention.bodyWithFee", { charger, fee }) };
    },
  });
}

/** The facts of an alert as its announcement carries them: said by the alert's own kind (lib/alerts/kinds.ts). */
const alertFacts = z.object({ alertKind: z.string(), alertFacts: z.unknown() });

function sayAlert(facts: z.output<typeof alertFacts>, words: Words): NotificationText {
  const said = describeAlert({ kind: facts.alertKind, facts: facts.alertFacts }, words);
  return said ?? { title: kindWords(words)("alertRaised.unknown"), body: "" };
}

/** Why a booking was re-booked: it expired, its charge point was refused as taken, or the operator cancelled it. */
export const REBOOK_CAUSES = ["expired", "taken", "cancelled"] as const;
/** What an automatic re-booking that booked nothing came to. */
export const REBOOK_FAILURES = ["no-alternative", "window-over", "attempts-used", "refused"] as const;

const rebookedFacts = z.object({
  cause: z.enum(REBOOK_CAUSES),
  from: z.string(),
  to: chargerPlace,
  windowStart: z.string(),
  windowEnd: z.string(),
  /** How far the new charge point is from the one first booked, in metres, where the provider says. */
  distanceM: z.number().nullable(),
});

function sayRebooked(facts: z.output<typeof rebookedFacts>, words: Words): NotificationText {
  const t = kindWords(words);
  const address = addressLine(facts.to);
  const window = words.format.window(facts.windowStart, facts.windowEnd, facts.to.timeZone);
  const distance =
    facts.distanceM === null ? "" : t("rebooked.distance", { km: words.format.number(facts.distanceM / 1000, 1) });
  return {
    title: t("rebooked.title", { charger: facts.to.name }),
    body: [
      t(`rebooked.cause.${facts.cause}`, { charger: facts.from }),
      [t("rebooked.instead", { charger: facts.to.name }), address, distance].filter(Boolean).join(" · "),
      window,
    ].join("\n"),
  };
}

const rebookFailedFacts = z.object({
  cause: z.enum(REBOOK_CAUSES),
  outcome: z.enum(REBOOK_FAILURES),
  charger: z.string(),
  radiusKm: z.number(),
});

function sayRebookFailed(facts: z.output<typeof rebookFailedFacts>, words: Words): NotificationText {
  const t = kindWords(words);
  return {
    title: t("rebookFailed.title", { charger: facts.charger }),
    body: [
      t(`rebooked.cause.${facts.cause}`, { charger: facts.charger }),
      t(`rebookFailed.outcome.${facts.outcome}`, { km: facts.radiusKm }),
    ].join("\n"),
  };
}

const KINDS = {
  /** A new alert of one of the reader's fleets (to its admins and dispatchers), with an email copy. */
  "alert.raised": kind({
    facts: alertFacts,
    say: sayAlert,
    email(facts, words) {
      const { title, body } = sayAlert(facts, words);
      return { subject: title, text: [body, "", kindWords(words)("alertRaised.emailFooter")].join("\n") };
    },
  }),
  /** A dispatcher's word to a driver about an alert of hers (a session or booking), with an email copy. */
  "alert.message": kind({
    facts: z.object({ from: z.string(), message: z.string(), charger: z.string() }),
    say({ from, message, charger }, words) {
      return { title: kindWords(words)("alertMessage.title", { from, charger }), body: message };
    },
    email({ from, message, charger }, words) {
      return { subject: kindWords(words)("alertMessage.title", { from, charger }), text: message };
    },
  }),
  "fleet.invitation": kind({
    facts: z.object({ inviter: z.string().nullable(), fleet: z.string(), role: z.enum(ROLES) }),
    say({ inviter, fleet, role }, words) {
      const t = kindWords(words);
      return {
        title: inviter
          ? t("fleetInvitation.title", { inviter, fleet })
          : t("fleetInvitation.titleFromAdmin", { fleet }),
        body: t("fleetInvitation.body", { role: wordsOf(words.language, "roles")(role) }),
      };
    },
  }),
  "fleet.invitation-answered": kind({
    facts: z.object({ who: z.string(), fleet: z.string(), answer: z.enum(["accepted", "declined"]) }),
    say({ who, fleet, answer }, words) {
      const t = kindWords(words);
      return {
        title: t(`invitationAnswered.${answer}Title`, { who, fleet }),
        body: t(`invitationAnswered.${answer}Body`, { who, fleet }),
      };
    },
  }),
  "fleet.driver-without-key": kind({
    facts: z.object({ driver: z.string(), fleet: z.string() }),
    say({ driver, fleet }, words) {
      const t = kindWords(words);
      return {
        title: t("driverWithoutKey.title", { driver, fleet }),
        body: t("driverWithoutKey.body", { driver, fleet }),
      };
    },
  }),
  /** Automatic re-booking found another charge point: to the booking's dispatcher and driver, with an email copy. */
  "booking.rebooked": kind({
    facts: rebookedFacts,
    say: sayRebooked,
    email(facts, words) {
      const { title, body } = sayRebooked(facts, words);
      return { subject: title, text: body };
    },
  }),
  /** Automatic re-booking found nothing it could book: the people concerned must act themselves. */
  "booking.rebook-failed": kind({
    facts: rebookFailedFacts,
    say: sayRebookFailed,
    email(facts, words) {
      const { title, body } = sayRebookFailed(facts, words);
      return { subject: title, text: body };
    },
  }),
  "booking.no_show": bookingAttention("NO_SHOW"),
  "booking.expired": bookingAttention("EXPIRED"),
  "booking.failed": bookingAttention("FAILED"),
  "booking.outcome_unknown": bookingAttention("OUTCOME_UNKNOWN"),
  "booking.assigned": kind({
    facts: assignedFacts,
    say(facts, words) {
      const t = kindWords(words);
      const { charger } = facts;
      const address = addressLine(charger);
      const place = address
        ? t("bookingAssigned.placeWithAddress", { charger: charger.name, address })
        : t("bookingAssigned.place", { charger: charger.name });
      const window = words.format.window(facts.windowStart, facts.windowEnd, charger.timeZone);
      return {
        title: t("bookingAssigned.title", { charger: charger.name }),
        body: [place, window, tokenInstructions(facts.token, words)].join("\n"),
      };
    },
    email: bookingAssignedEmail,
  }),
  /** The driver a booking was handed to before: it went to someone else (or to nobody) and is not theirs now. */
  "booking.unassigned": kind({
    facts: assignedFacts.pick({ charger: true, windowStart: true, windowEnd: true }),
    say(facts, words) {
      const t = kindWords(words);
      const window = words.format.window(facts.windowStart, facts.windowEnd, facts.charger.timeZone);
      return {
        title: t("bookingUnassigned.title", { charger: facts.charger.name }),
        body: t("bookingUnassigned.body", { window }),
      };
    },
  }),
};

export type NotificationKind = keyof typeof KINDS;
/** What a notification of `kind` is made of. */
export type FactsOf<K extends NotificationKind> = z.input<(typeof KINDS)[K]["facts"]>;

function kindOf(name: string): Kind<z.ZodType> | undefined {
  return Object.prototype.hasOwnProperty.call(KINDS, name)
    ? (KINDS as Record<string, Kind<z.ZodType>>)[name]
    : undefined;
}

/** What a driver is told of a booking handed to her, from its row. */
export function bookingAssignedFacts(booking: {
  locationSnapshot: Prisma.JsonValue;
  windowStart: Date;
  windowEnd: Date;
  tokenStrategy: TokenStrategy;
  customerId: string | null;
  tokenId: string | null;
  fleetGroupId: string | null;
  rfidValue: string | null;
}): FactsOf<"booking.assigned"> {
  const { name, address, postalCode, city, latitude, longitude, positionKnown, timeZone } =
    booking.locationSnapshot as unknown as ChargerSnapshot;
  const { tokenStrategy, customerId, tokenId, fleetGroupId, rfidValue } = booking;
  return {
    charger: { name, address, postalCode, city, latitude, longitude, positionKnown, timeZone },
    windowStart: booking.windowStart.toISOString(),
    windowEnd: booking.windowEnd.toISOString(),
    token: { tokenStrategy, customerId, tokenId, fleetGroupId, rfidValue },
  };
}

/** The notification the creator of a booking gets when it reaches `status`; null for a status nobody is told. */
export function bookingAttentionKind(status: BookingStatus): NotificationKind | null {
  return (ATTENTION_STATUSES as readonly BookingStatus[]).includes(status)
    ? (`booking.${status.toLowerCase()}` as NotificationKind)
    : null;
}

/** A notification of `kind` in these words. */
export function notificationText<K extends NotificationKind>(kind: K, facts: FactsOf<K>, words: Words) {
  return kindOf(kind)!.say(facts, words);
}

/** Its email copy in these words, for the kinds that have one. */
export function notificationEmail<K extends NotificationKind>(
  kind: K,
  facts: FactsOf<K>,
  words: Words,
): EmailText | null {
  return kindOf(kind)?.email?.(facts, words) ?? null;
}

/**
 * The row of a new notification: its facts kept beside its links and references in `data`, and its title and
 * body in English.
 */
export function notificationRow<K extends NotificationKind>(notification: {
  userId: string;
  kind: K;
  facts: FactsOf<K>;
  /** Links and references beside the words (`href`, `bookingId`, …). */
  data?: Record<string, unknown>;
}) {
  const { userId, kind, facts, data } = notification;
  return {
    userId,
    kind,
    ...notificationText(kind, facts, STORED_WORDS),
    data: { ...data, facts } as Prisma.InputJsonObject,
  };
}

/** A stored notification in the reader's words; as it was stored where its facts are missing or unknown. */
export function describeNotification(
  row: { kind: string; title: string; body: string; data: Prisma.JsonValue },
  words: Words,
): NotificationText {
  const stored = { title: row.title, body: row.body };
  const known = kindOf(row.kind);
  const facts =
    row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data.facts ?? undefined) : undefined;
  if (!known || facts === undefined) return stored;
  const parsed = known.facts.safeParse(facts);
  return parsed.success ? known.say(parsed.data, words) : stored;
}
