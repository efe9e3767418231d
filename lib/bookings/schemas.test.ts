import { describe, expect, it } from "vitest";
import { failureWords, validationFailure } from "@/lib/actions/errors";
import {
  bookingRequestIssues,
  bookingWindowInput,
  createBatchInput,
  createBookingInput,
  searchChargersInput,
  type BookingRequest,
} from "./schemas";

const NOW = Date.parse("2026-11-21T08:00:00Z");
const base: BookingRequest = {
  provider: "PETITMONDE",
  locationId: "DE-ABC-1",
  evseUid: "DE*ABC*E1*1",
  charger: { name: "Depot West", latitude: 52.5, longitude: 13.4, timeZone: "Europe/Berlin", reservable: true },
  windowStart: "2026-11-21T09:00:00Z",
  windowEnd: "2026-11-21T11:00:00Z",
  tokenStrategy: "GROUP_TOKEN",
};
const paths = (r: BookingRequest) => bookingRequestIssues(r, NOW).map((i) => i.path.join("."));

describe("booking request rules", () => {
  it("accepts a group-token booking an hour ahead", () => {
    expect(paths(base)).toEqual([]);
  });

  it("needs the window to start at least 15 minutes ahead", () => {
    expect(paths({ ...base, windowStart: "2026-11-21T08:10:00Z" })).toEqual(["windowStart"]);
    expect(paths({ ...base, windowStart: "2026-11-21T08:15:00Z" })).toEqual([]);
  });

  it("needs the end after the start and at most 4 hours later", () => {
    expect(paths({ ...base, windowEnd: "2026-11-21T09:00:00Z" })).toEqual(["windowEnd"]);
    expect(paths({ ...base, windowEnd: "2026-11-21T13:00:00Z" })).toEqual([]);
    expect(paths({ ...base, windowEnd: "2026-11-21T13:01:00Z" })).toEqual(["windowEnd"]);
  });

  it("refuses a charge point that cannot be reserved", () => {
    expect(paths({ ...base, charger: { ...base.charger, reservable: false } })).toEqual(["evseUid"]);
  });

  it("asks for the fields each token strategy needs", () => {
    expect(paths({ ...base, tokenStrategy: "DRIVER_TOKEN" })).toEqual(["driverId", "customerId"]);
    expect(paths({ ...base, tokenStrategy: "DRIVER_TOKEN", driverId: "u1", tokenId: "tok" })).toEqual([]);
    expect(paths({ ...base, provider: "DEPOTFINITY", tokenStrategy: "RFID" })).toEqual(["rfidValue"]);
    expect(paths({ ...base, provider: "DEPOTFINITY", tokenStrategy: "RFID", rfidValue: "89C4704A" })).toEqual([]);
  });

  it("only offers strategies the provider accepts", () => {
    expect(paths({ ...base, provider: "DEPOTFINITY" })).toEqual(["tokenStrategy"]);
    expect(paths({ ...base, tokenStrategy: "RFID", rfidValue: "89C4704A" })).toEqual(["tokenStrategy"]);
  });

  it("puts each error beside its field when parsed as a whole", () => {
    const result = createBookingInput.safeParse({
      ...base,
      fleetId: "f1",
      windowStart: "2020-01-01T00:00:00Z",
      windowEnd: "2020-01-01T00:00:00Z",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path.join("."));
    expect(fields).toContain("windowStart");
    expect(fields).toContain("windowEnd");
  });

  it("rejects an RFID value that is not hexadecimal", () => {
    const result = createBookingInput.safeParse({
      ...base,
      fleetId: "f1",
      provider: "DEPOTFINITY",
      tokenStrategy: "RFID",
      rfidValue: "not-hex!",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((i) => i.path.join(".") === "rfidValue")).toBe(true);
  });
});

describe("batch and search windows", () => {
  const hour = 3_600_000;
  const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();

  it("refuses a batch line whose window ends before it starts, at that line's field", () => {
    const result = createBatchInput.safeParse({
      fleetId: "f1",
      items: [{ ...base, windowStart: ahead(2 * hour), windowEnd: ahead(hour) }],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["items.0.windowEnd"]);
  });

  it("refuses a batch line too soon or longer than 4 hours", () => {
    const result = createBatchInput.safeParse({
      fleetId: "f1",
      items: [
        { ...base, windowStart: ahead(60_000), windowEnd: ahead(hour) },
        { ...base, windowStart: ahead(hour), windowEnd: ahead(6 * hour) },
      ],
    });
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["items.0.windowStart", "items.1.windowEnd"]);
  });

  it("checks a window on its own, and a charger search with one, by the same rules", () => {
    const backwards = { windowStart: ahead(2 * hour), windowEnd: ahead(hour) };
    expect(bookingWindowInput.safeParse(backwards).error!.issues[0].path).toEqual(["windowEnd"]);
    expect(bookingWindowInput.safeParse({ windowStart: ahead(hour), windowEnd: ahead(2 * hour) }).success).toBe(true);
    const search = { fleetId: "f1", provider: "PETITMONDE", latitude: "52.5", longitude: "13.4" };
    expect(searchChargersInput.safeParse({ ...search, ...backwards }).error!.issues[0].message).toBe(
      "The window must end after it starts",
    );
    expect(searchChargersInput.safeParse(search).success).toBe(true);
  });

  it("says its own messages in the reader's words", () => {
    const german = failureWords("de");
    const backwards = { windowStart: ahead(2 * hour), windowEnd: ahead(hour) };
    const parsed = bookingWindowInput.safeParse(backwards, german.parse);
    expect(validationFailure(parsed.error!, german).fieldErrors).toEqual({
      windowEnd: ["Das Zeitfenster muss nach seinem Beginn enden"],
    });
  });
});
