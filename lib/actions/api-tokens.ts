"use server";
// API token actions for fleet admins: create (the token is shown once), list, revoke.
import { fleetAction } from "@/lib/actions/safe-action";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { createApiTokenInput, revokeApiTokenInput } from "@/lib/api-tokens/schemas";
import { fleetScopedInput } from "@/lib/fleets/schemas";

export const createApiTokenAction = fleetAction({
  name: "api-tokens.create",
  input: createApiTokenInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, user, role, actor }) {
    const { fleetId: _fleet, ...rest } = input;
    return createApiToken({ fleetId, creatorId: user.id, creatorRole: role, input: rest }, await actor());
  },
});

export const listApiTokensAction = fleetAction({
  name: "api-tokens.list",
  input: fleetScopedInput,
  roles: ["ADMIN"],
  mutation: false,
  async run({ fleetId }) {
    return listApiTokens(fleetId);
  },
});

export const revokeApiTokenAction = fleetAction({
  name: "api-tokens.revoke",
  input: revokeApiTokenInput,
  roles: ["ADMIN"],
  mutation: true,
  async run({ input, fleetId, actor }) {
    return revokeApiToken(fleetId, input.tokenId, await actor());
  },
});
