import { describe, expect, it } from "vitest";
import { groupsOf, parseRoleMapping, rolesFromGroups } from "./sso-mapping";

const FLEETS = [
  { id: "f-berlin", plugsurfingFleetId: "demo-berlin-vans" },
  { id: "f-munich", plugsurfingFleetId: "demo-munich-cars" },
];

describe("OIDC_ROLE_MAPPING", () => {
  it("reads rules separated by commas, semicolons or lines, with spaces around them", () => {
    expect(
      parseRoleMapping(" admins = demo-berlin-vans : ADMIN ;dispatch=*:DISPATCHER\ndrivers=demo-munich-cars:DRIVER,"),
    ).toEqual([
      { group: "admins", fleet: "demo-berlin-vans", role: "ADMIN" },
      { group: "dispatch", fleet: "*", role: "DISPATCHER" },
      { group: "drivers", fleet: "demo-munich-cars", role: "DRIVER" },
    ]);
    expect(parseRoleMapping(undefined)).toEqual([]);
    expect(parseRoleMapping("  ")).toEqual([]);
  });

  it.each(["admins=demo-berlin-vans", "admins:ADMIN", "admins=demo-berlin-vans:OWNER", "=x:ADMIN", "a=b:admin"])(
    "refuses %s, naming it",
    (setting) => {
      expect(() => parseRoleMapping(setting)).toThrow(setting);
    },
  );
});

describe("roles from groups", () => {
  const rules = parseRoleMapping(
    "berlin-admins=demo-berlin-vans:ADMIN,dispatch=*:DISPATCHER,berlin-drivers=demo-berlin-vans:DRIVER,finance=demo-munich-cars:MANAGER",
  );

  it.each([
    { groups: ["berlin-drivers"], berlin: "DRIVER", munich: null },
    { groups: ["berlin-drivers", "dispatch"], berlin: "DISPATCHER", munich: "DISPATCHER" },
    { groups: ["dispatch", "berlin-admins"], berlin: "ADMIN", munich: "DISPATCHER" },
    { groups: ["finance"], berlin: null, munich: "MANAGER" },
    { groups: ["finance", "dispatch"], berlin: "DISPATCHER", munich: "DISPATCHER" },
    { groups: [], berlin: null, munich: null },
    { groups: ["someone-else"], berlin: null, munich: null },
  ])("$groups: Berlin $berlin, Munich $munich", ({ groups, berlin, munich }) => {
    const roles = rolesFromGroups(rules, groups, FLEETS);
    expect(Object.fromEntries(roles)).toEqual({ "f-berlin": berlin, "f-munich": munich });
  });

  it("manages only the fleets a rule names, and ignores a rule for a fleet the organisation lacks", () => {
    const roles = rolesFromGroups(parseRoleMapping("x=demo-berlin-vans:DRIVER,y=elsewhere:ADMIN"), ["x", "y"], FLEETS);
    expect(Object.fromEntries(roles)).toEqual({ "f-berlin": "DRIVER" });
  });
});

describe("the groups claim", () => {
  it("is a list of names, one name, or nothing", () => {
    expect(groupsOf(["a", 3, "b", null])).toEqual(["a", "b"]);
    expect(groupsOf("a")).toEqual(["a"]);
    expect(groupsOf(undefined)).toEqual([]);
    expect(groupsOf({ a: 1 })).toEqual([]);
  });
});
