import { describe, expect, it } from "vitest";
import { rankAlternatives } from "./alternatives";
import type { BookableEvse } from "./chargers";
import type { ChargerSnapshot } from "./schemas";

type Connector = Pick<ChargerSnapshot, "connectorStandard" | "powerType" | "powerKw">;

function evse(uid: string, connector: Connector, distanceM: number, locationId = `L-${uid}`): BookableEvse {
  return {
    locationId,
    evseUid: uid,
    distanceM,
    charger: { name: uid, latitude: 52.5, longitude: 13.4, timeZone: "Europe/Berlin", reservable: true, ...connector },
  };
}

const AC_11 = { connectorStandard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 11 } as const;
const taken = { locationId: "L-taken", evseUid: "taken", connector: AC_11 };
const uids = (list: BookableEvse[]) => list.map((e) => e.evseUid);

describe("ranking alternatives to a taken charge point", () => {
  it("puts a like connector before a nearer one of another current", () => {
    const ranked = rankAlternatives(taken, [
      evse("dc-400-near", { connectorStandard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 400 }, 100),
      evse("ac-22-far", { connectorStandard: "IEC_62196_T2", powerType: "AC_3_PHASE", powerKw: 22 }, 3_000),
    ]);
    expect(uids(ranked)).toEqual(["ac-22-far", "dc-400-near"]);
  });

  it("prefers the same standard, then the closest power, then the nearest", () => {
    const ranked = rankAlternatives(taken, [
      evse("ac-other-standard", { connectorStandard: "DOMESTIC_F", powerType: "AC_1_PHASE", powerKw: 11 }, 50),
      evse("t2-22", { ...AC_11, powerKw: 22 }, 200),
      evse("t2-11-far", AC_11, 2_000),
      evse("t2-11-near", AC_11, 400),
    ]);
    expect(uids(ranked)).toEqual(["t2-11-near", "t2-11-far", "t2-22", "ac-other-standard"]);
  });

  it("offers the rest of the same location before others equally alike", () => {
    const ranked = rankAlternatives(taken, [evse("elsewhere", AC_11, 0), evse("same-site", AC_11, 0, "L-taken")]);
    expect(uids(ranked)).toEqual(["same-site", "elsewhere"]);
  });

  it("leaves out the taken one and those that cannot be reserved, and keeps at most `max`", () => {
    const closed = evse("closed", AC_11, 10);
    closed.charger.reservable = false;
    const ranked = rankAlternatives(
      taken,
      [evse("taken", AC_11, 0, "L-taken"), closed, ...["a", "b", "c"].map((u, i) => evse(u, AC_11, i))],
      2,
    );
    expect(uids(ranked)).toEqual(["a", "b"]);
  });

  it("sorts by distance alone when the taken one's connector is not known", () => {
    const ranked = rankAlternatives({ locationId: "L-taken", evseUid: "taken" }, [
      evse("far-ac", AC_11, 900),
      evse("near-dc", { connectorStandard: "IEC_62196_T2_COMBO", powerType: "DC", powerKw: 150 }, 100),
    ]);
    expect(uids(ranked)).toEqual(["near-dc", "far-ac"]);
  });
});
