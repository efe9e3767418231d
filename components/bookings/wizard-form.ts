// The booking wizard's form: its values are exactly what createBookingAction takes (createBookingInput),
// split into steps by the fields each step shows, so an error from the browser or the server lands on the
// step that can fix it.
import type { UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { BookableEvse } from "@/lib/bookings/chargers";
import { STRATEGIES_BY_PROVIDER, type BookableProvider, type createBookingInput } from "@/lib/bookings/schemas";

export type WizardValues = z.input<typeof createBookingInput>;
export type WizardForm = UseFormReturn<WizardValues, unknown, z.output<typeof createBookingInput>>;

/** The steps in order, named as the `wizard.steps` messages are. */
export const STEPS = ["charger", "window", "driver", "review"] as const;
export const REVIEW_STEP = STEPS.length - 1;

/** The fields each step shows; the review shows none of its own. */
export const STEP_FIELDS = [
  ["vehicleId", "locationId", "evseUid", "connectorId", "charger"],
  ["windowStart", "windowEnd", "rebookWithinKm"],
  ["tokenStrategy", "driverId", "customerId", "tokenId", "rfidValue"],
  [],
] as const satisfies ReadonlyArray<ReadonlyArray<keyof WizardValues>>;

export const FIELDS_ON_FORM: readonly string[] = STEP_FIELDS.flat();

/** Where the wizard starts in the charger's time zone until a charger is chosen. */
export const DEFAULT_TIME_ZONE = "Europe/Berlin";

/** The first step showing one of these error paths ("windowEnd", "charger.name"), or null if none does. */
export function stepOf(paths: readonly string[]): number | null {
  const steps = paths.map((path) =>
    STEP_FIELDS.findIndex((fields) => fields.some((f: string) => path === f || path.startsWith(`${f}.`))),
  );
  const found = steps.filter((s) => s >= 0);
  return found.length ? Math.min(...found) : null;
}

export function initialValues(args: {
  fleetId: string;
  provider: BookableProvider;
  prefilled: BookableEvse | null;
  window?: { start?: string; end?: string };
}): WizardValues {
  return {
    fleetId: args.fleetId,
    provider: args.provider,
    ...chargerValues(args.prefilled),
    windowStart: args.window?.start ?? "",
    windowEnd: args.window?.end ?? "",
    tokenStrategy: STRATEGIES_BY_PROVIDER[args.provider][0],
  };
}

/** The charger fields for a chosen charge point, or empty ones (the schema then asks to pick one). */
export function chargerValues(
  evse: BookableEvse | null,
): Pick<WizardValues, "locationId" | "evseUid" | "connectorId" | "charger"> {
  return {
    locationId: evse?.locationId ?? "",
    evseUid: evse?.evseUid ?? "",
    connectorId: evse?.connectorId,
    charger: evse?.charger ?? { name: "", latitude: 0, longitude: 0, timeZone: DEFAULT_TIME_ZONE, reservable: false },
  };
}

/** Sets a field and, if it showed an error, checks it again so a fixed value clears the error. */
export function setField<K extends keyof WizardValues>(form: WizardForm, name: K, value: WizardValues[K]): void {
  form.setValue(name, value as never, { shouldDirty: true, shouldValidate: form.getFieldState(name).invalid });
}
