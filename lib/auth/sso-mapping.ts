// Which fleet roles an identity provider's groups give, from OIDC_ROLE_MAPPING:
//   "fleet-admins=demo-berlin-vans:ADMIN, dispatch=*:DISPATCHER, drivers=demo-berlin-vans:DRIVER"
// Each rule is `group=fleet:ROLE`; the fleet is its Plugsurfing fleet id, or `*` for every fleet of the SSO
// organisation. A person in several groups gets the highest role each fleet is given. A fleet named by a rule (or
// every fleet, with `*`) is managed by the identity provider: signing in sets the person's role there from the
// groups, and ends the membership when no group gives one.
import { ROLES, type Role } from "./permissions";

export interface RoleRule {
  group: string;
  /** A Plugsurfing fleet id, or "*" for every fleet of the organisation. */
  fleet: string;
  role: Role;
}

/** Highest first, the order of ROLES: ADMIN, DISPATCHER, MANAGER, DRIVER. */
const RANK = new Map<Role, number>(ROLES.map((role, i) => [role, ROLES.length - i]));

/** Parses the setting; throws with the rule that is wrong, so a bad setting stops the start, not a sign-in. */
export function parseRoleMapping(setting: string | undefined): RoleRule[] {
  if (!setting?.trim()) return [];
  return setting
    .split(/[,;\n]/)
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => {
      const match = /^([^=\s]+)\s*=\s*([^:\s]+)\s*:\s*([A-Z]+)$/.exec(rule);
      const role = match?.[3] as Role | undefined;
      if (!match || !role || !RANK.has(role))
        throw new Error(`OIDC_ROLE_MAPPING: "${rule}" is not group=fleet:ROLE (ROLE one of ${ROLES.join(", ")})`);
      return { group: match[1], fleet: match[2], role };
    });
}

export interface OrganisationFleet {
  id: string;
  plugsurfingFleetId: string;
}

/** The fleets the rules manage, each with the role the groups give (null: no group gives one, the membership ends). */
export function rolesFromGroups(
  rules: RoleRule[],
  groups: readonly string[],
  fleets: readonly OrganisationFleet[],
): Map<string, Role | null> {
  const member = new Set(groups);
  const roles = new Map<string, Role | null>();
  for (const rule of rules) {
    const targets = rule.fleet === "*" ? fleets : fleets.filter((f) => f.plugsurfingFleetId === rule.fleet);
    for (const fleet of targets) {
      const current = roles.get(fleet.id) ?? null;
      if (!member.has(rule.group)) {
        if (!roles.has(fleet.id)) roles.set(fleet.id, null);
        continue;
      }
      if (current === null || RANK.get(rule.role)! > RANK.get(current)!) roles.set(fleet.id, rule.role);
    }
  }
  return roles;
}

/** The groups claim as a list of names: an array of strings, or one string; anything else is no groups. */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === "string") return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === "string");
  return [];
}
