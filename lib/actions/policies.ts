"use server";
// Spending policy actions: a fleet's admins set and remove the fleet's policy and its drivers' and vehicles'
// overrides. Thin: access, then lib/policies (which audits inside its own transactions).
import { fleetAction } from "@/lib/actions/safe-action";
import { removePolicy, setPolicy } from "@/lib/policies/manage";
import { policyTarget, setPolicyInput } from "@/lib/policies/schemas";

export const setPolicyAction = fleetAction({
  name: "policies.set",
  input: setPolicyInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return setPolicy({ ...input, fleetId }, await actor());
  },
});

export const removePolicyAction = fleetAction({
  name: "policies.remove",
  input: policyTarget,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return removePolicy({ ...input, fleetId }, await actor());
  },
});
