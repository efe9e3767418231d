import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { ENGLISH, failureWords } from "@/lib/actions/errors";
import { text } from "@/lib/errors";
import { lastErrorColumns, lineErrorColumns, lineErrorOf, noteColumns, sayStored } from "./stored-text";

const german = failureWords("de").errors;
const asRead = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.JsonValue;

describe("words stored for a later reader", () => {
  it("keeps the English text and the texts it was said with", () => {
    const columns = lastErrorColumns(text("bookings.submit.notAvailable"));
    expect(columns.lastError).toBe("This charge point is not available in that window. Pick another one below.");
    expect(columns.lastErrorText).toEqual([{ key: "bookings.submit.notAvailable" }]);
    expect(sayStored(columns.lastError, asRead(columns.lastErrorText), german)).toBe(
      "Dieser Ladepunkt ist in diesem Zeitfenster nicht verfügbar. Wählen Sie unten einen anderen.",
    );
  });

  it("says several texts one after the other, values and all", () => {
    const columns = lastErrorColumns([
      text("providers.petitMonde.refused", { detail: "bad window" }),
      text("bookings.reconcile.keepOrRemove"),
    ]);
    expect(columns.lastError).toBe("Petit Monde refused the request: bad window keep it or remove it.");
    expect(sayStored(columns.lastError, asRead(columns.lastErrorText), german)).toBe(
      "Petit Monde hat die Anfrage abgelehnt: bad window Behalten Sie sie oder entfernen Sie sie.",
    );
  });

  it("shows English text stored alone, or beside texts it cannot read, as it is", () => {
    const plain = lineErrorColumns("The provider said no.");
    expect(plain).toEqual({ error: "The provider said no.", errorText: Prisma.DbNull });
    expect(sayStored("Taken", null, german)).toBe("Taken");
    expect(sayStored("Taken", asRead([{ key: "bookings.noSuchKey" }]), german)).toBe("Taken");
    expect(sayStored("Taken", asRead([{ key: "bookings.notBookable", values: { provider: {} } }]), german)).toBe(
      "Taken",
    );
    expect(sayStored("Taken", asRead({ key: "bookings.notFound" }), german)).toBe("Taken");
  });

  it("clears both columns together, and writes no note where there is none", () => {
    expect(lastErrorColumns(null)).toEqual({ lastError: null, lastErrorText: Prisma.DbNull });
    expect(noteColumns(undefined)).toEqual({});
    expect(noteColumns(text("batches.runner.refused")).note).toBe("The provider refused the booking.");
  });

  it("hands a booking's words on to its batch line", () => {
    const booking = lastErrorColumns(text("bookings.reconcile.unreachable"));
    const line = lineErrorOf({ lastError: booking.lastError, lastErrorText: asRead(booking.lastErrorText) });
    expect(line?.error).toBe(booking.lastError);
    expect(sayStored(line!.error, asRead(line!.errorText), ENGLISH.errors)).toBe(booking.lastError);
    expect(sayStored(line!.error, asRead(line!.errorText), german)).toBe(
      "Der Anbieter war nicht erreichbar, um zu prüfen, ob die Buchung zustande kam.",
    );
    expect(lineErrorOf({ lastError: null, lastErrorText: null })).toBeNull();
  });
});
