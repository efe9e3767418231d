"use server";
// Vehicle actions: admins add, edit, retire and import; the list is read through /api/vehicles. Thin: access,
// then lib/vehicles.
import { fleetAction } from "@/lib/actions/safe-action";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import {
  addVehicle,
  editVehicle,
  importVehicles,
  previewVehicleImport,
  setVehicleRetired,
  vehicleOptions,
} from "@/lib/vehicles/vehicles";
import {
  addVehicleInput,
  editVehicleInput,
  importVehiclesInput,
  retireVehicleInput,
  vehicleOptionsInput,
} from "@/lib/vehicles/schemas";

const ADMIN = ["ADMIN"] as const;

export const vehicleOptionsAction = fleetAction({
  name: "vehicles.options",
  input: vehicleOptionsInput,
  roles: ["ADMIN", "DISPATCHER", "MANAGER"],
  mutation: false,
  async run({ fleetId }) {
    return vehicleOptions(fleetId);
  },
});

// The changes below write their audit entries inside their own transactions (lib/vehicles).

export const addVehicleAction = fleetAction({
  name: "vehicles.add",
  input: addVehicleInput,
  roles: ADMIN,
  mutation: true,
  async run({ input: { fleetId: _fleet, ...values }, fleetId, actor }) {
    return addVehicle(fleetId, values, await actor());
  },
});

export const editVehicleAction = fleetAction({
  name: "vehicles.edit",
  input: editVehicleInput,
  roles: ADMIN,
  mutation: true,
  async run({ input: { fleetId: _fleet, id, ...values }, fleetId, actor }) {
    return editVehicle(fleetId, id, values, await actor());
  },
});

export const retireVehicleAction = fleetAction({
  name: "vehicles.set-retired",
  input: retireVehicleInput,
  roles: ADMIN,
  mutation: true,
  async run({ input, fleetId, actor }) {
    return setVehicleRetired(fleetId, input.id, input.retired, await actor());
  },
});

/** What the file would change, line by line; writes nothing. */
export const previewVehicleImportAction = fleetAction({
  name: "vehicles.preview-import",
  input: importVehiclesInput,
  roles: ADMIN,
  mutation: false,
  async run({ input, fleetId }) {
    return previewVehicleImport(fleetId, input.csv, await readerFailureWords());
  },
});

export const importVehiclesAction = fleetAction({
  name: "vehicles.import",
  input: importVehiclesInput,
  roles: ADMIN,
  mutation: true,
  async run({ input, fleetId, actor }) {
    // A file's problems come back line by line in the reader's words.
    return importVehicles(fleetId, input.csv, await actor(), await readerFailureWords());
  },
});
