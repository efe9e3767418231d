import { describe, expect, it } from "vitest";
import { renderedText } from "@/tests/support/intl";
import type { BookableVehicle } from "@/lib/vehicles/compatibility";
import type { BatchFormControl } from "./batch-charge-points-client";
import { BatchVehicleLines } from "./batch-vehicle-lines-client";
import { BatchVehiclePicker, vehicleMatches } from "./batch-vehicle-picker-client";

function van(n: number, name: string | null = `Van ${n}`): BookableVehicle {
  return {
    id: `v${n}`,
    plate: `B-BV ${100 + n}`,
    name,
    connectorStandards: ["IEC_62196_T2", "CHADEMO"],
    batteryKwh: 40,
    maxAcKw: 6.6,
    maxDcKw: 46,
    defaultDriverId: null,
  };
}

describe("choosing the batch's vehicles", () => {
  it("finds a vehicle by its plate without spaces or dashes, or by its name", () => {
    expect(vehicleMatches(van(1), "bbv101")).toBe(true);
    expect(vehicleMatches(van(1), "B-BV 1")).toBe(true);
    expect(vehicleMatches(van(1), "van 1")).toBe(true);
    expect(vehicleMatches(van(1), "B-BV 102")).toBe(false);
    expect(vehicleMatches(van(1, null), "van")).toBe(false);
    expect(vehicleMatches(van(1), "  ")).toBe(true);
  });

  it("offers a search box only for a long list, and says how many are chosen", () => {
    const few = [1, 2, 3].map((n) => van(n));
    const short = renderedText(<BatchVehiclePicker vehicles={few} picked={new Set(["v2"])} onPick={() => {}} />);
    expect(short).not.toContain("Find a vehicle");
    expect(short).toContain("1 vehicle chosen");
    expect(short).toContain("B-BV 103 · Van 3");
    const many = Array.from({ length: 8 }, (_, i) => van(i + 1));
    expect(renderedText(<BatchVehiclePicker vehicles={many} picked={new Set()} onPick={() => {}} />)).toContain(
      "Find a vehicle",
    );
    expect(renderedText(<BatchVehiclePicker vehicles={[]} picked={new Set()} onPick={() => {}} />, "de")).toBe(
      "Diese Flotte hat keine Fahrzeuge im Einsatz.",
    );
  });

  it("says in plain words that a vehicle found no charge point it can use", () => {
    const said = (language: "en" | "de") =>
      renderedText(
        <BatchVehicleLines
          evses={[]}
          lines={[]}
          vehicles={new Map()}
          unplaced={[van(5)]}
          // No vehicle has a line here, so no driver field asks for the form's control.
          control={{} as BatchFormControl}
          drivers={[]}
          errors={undefined}
          onChargePoint={() => {}}
        />,
        language,
      );
    expect(said("en")).toBe(
      "No free charge point that B-BV 105 · Van 5 can use is left in this search: it is not booked.",
    );
    expect(said("de")).toContain("an dem B-BV 105 · Van 5 laden kann");
  });
});
