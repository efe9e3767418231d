import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/messages";
import { describeAuditEntry as describeIn, type EntryFacts } from "./describe-entry";

const english = translator("en", "audit");
const describeAuditEntry = (entry: EntryFacts) => describeIn(entry, english);

const base = { actorName: "Alex Admin", objectId: "k1", objectName: "Card 12" };

describe("an audit entry in words", () => {
  it("says who did what to which object", () => {
    expect(describeAuditEntry({ ...base, action: "keys.disable", objectType: "ChargingKey" })).toBe(
      "Alex Admin disabled charging key 'Card 12'",
    );
    expect(
      describeAuditEntry({ ...base, action: "fleets.members.set-role", objectType: "Membership", objectName: "Dora" }),
    ).toBe("Alex Admin changed the role of member 'Dora'");
  });

  it("names an object without a name by its kind", () => {
    expect(
      describeAuditEntry({ ...base, action: "invitations.issue", objectType: "InvitationCode", objectName: null }),
    ).toBe("Alex Admin issued an invitation code");
    expect(
      describeAuditEntry({ ...base, action: "bookings.batch.create", objectType: "BookingBatch", objectName: null }),
    ).toBe("Alex Admin started a batch of bookings");
  });

  it("says what a refused person tried to do, and what the system did", () => {
    expect(describeAuditEntry({ ...base, action: "auth.denied", objectType: "Route", objectId: "reports.get" })).toBe(
      "Alex Admin was refused permission to read the cost report",
    );
    expect(
      describeAuditEntry({ ...base, actorName: null, action: "demo.seed", objectType: "Fleet", objectName: null }),
    ).toBe("The system set up the demo data");
  });

  it("puts an action it does not know in words too", () => {
    const text = describeAuditEntry({ ...base, action: "keys.rotate", objectType: "ChargingKey" });
    expect(text).toBe("Alex Admin changed charging key 'Card 12'");
    expect(text).not.toContain("keys.");
  });

  it("speaks German with a German translator", () => {
    const german = translator("de", "audit");
    expect(describeIn({ ...base, action: "keys.disable", objectType: "ChargingKey" }, german)).toBe(
      "Alex Admin hat die Ladekarte „Card 12“ deaktiviert",
    );
    expect(describeIn({ ...base, action: "auth.denied", objectType: "Route", objectId: "reports.get" }, german)).toBe(
      "Alex Admin wurde die Berechtigung verweigert, den Kostenbericht zu lesen",
    );
    expect(
      describeIn({ ...base, actorName: null, action: "demo.seed", objectType: "Fleet", objectName: null }, german),
    ).toBe("Das System hat die Demodaten eingerichtet");
  });
});
