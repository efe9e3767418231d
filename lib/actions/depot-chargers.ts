"use server";
// Depot-charger actions for fleet admins: list, add, edit, delete, CSV import. Thin: access, then lib/depot-chargers.
import { fleetAction } from "@/lib/actions/safe-action";
import { readerFailureWords } from "@/lib/i18n/failure-words";
import {
  addDepotCharger,
  deleteDepotCharger,
  editDepotCharger,
  importDepotChargers,
  listDepotChargers,
} from "@/lib/depot-chargers/depot-chargers";
import { providerChargerListAvailable, providerChargerListCsv } from "@/lib/depot-chargers/provider-list";
import {
  addDepotChargerInput,
  chargerListFromProviderInput,
  deleteDepotChargerInput,
  editDepotChargerInput,
  importDepotChargersInput,
  listDepotChargersInput,
} from "@/lib/depot-chargers/schemas";

const ADMIN = ["ADMIN"] as const;

export const listDepotChargersAction = fleetAction({
  name: "depot-chargers.list",
  input: listDepotChargersInput,
  roles: ADMIN,
  mutation: false,
  async run({ fleetId }) {
    return { chargers: await listDepotChargers(fleetId), importFromProvider: providerChargerListAvailable() };
  },
});

// The changes below write their audit entries inside their own transactions (lib/depot-chargers).

export const addDepotChargerAction = fleetAction({
  name: "depot-chargers.add",
  input: addDepotChargerInput,
  roles: ADMIN,
  mutation: true,
  async run({ input: { fleetId: _fleet, ...values }, fleetId, actor }) {
    return addDepotCharger(fleetId, values, await actor());
  },
});

export const editDepotChargerAction = fleetAction({
  name: "depot-chargers.edit",
  input: editDepotChargerInput,
  roles: ADMIN,
  mutation: true,
  async run({ input: { fleetId: _fleet, id, ...values }, fleetId, actor }) {
    return editDepotCharger(fleetId, id, values, await actor());
  },
});

export const deleteDepotChargerAction = fleetAction({
  name: "depot-chargers.delete",
  input: deleteDepotChargerInput,
  roles: ADMIN,
  mutation: true,
  async run({ input, fleetId, actor }) {
    return deleteDepotCharger(fleetId, input.id, await actor());
  },
});

export const importDepotChargersAction = fleetAction({
  name: "depot-chargers.import",
  input: importDepotChargersInput,
  roles: ADMIN,
  mutation: true,
  async run({ input, fleetId, actor }) {
    // A file's problems come back row by row in the reader's words.
    return importDepotChargers(fleetId, input.csv, await actor(), await readerFailureWords());
  },
});

/** The provider's own list as CSV for review; `csv: null` when it has none (the page then hides the button). */
export const chargerListFromProviderAction = fleetAction({
  name: "depot-chargers.list-from-provider",
  input: chargerListFromProviderInput,
  roles: ADMIN,
  mutation: false,
  async run() {
    return { csv: await providerChargerListCsv() };
  },
});
