import { describe, expect, it } from "vitest";
import { loggablePath, pathOf, routeLabel } from "./route-label";

describe("routeLabel", () => {
  it("turns id-like segments into :id", () => {
    expect(routeLabel("/bookings/clx3k9v2p0000a8b7c6d5e4f3", 200)).toBe("/bookings/:id");
    expect(routeLabel("/fleets/cm1abcdefghijklmnopqrstu/depot-chargers", 200)).toBe("/fleets/:id/depot-chargers");
    expect(routeLabel("/sessions/3f2b8c1e-9a4d-4f6b-8e2a-1c3d5e7f9a0b", 200)).toBe("/sessions/:id");
    expect(routeLabel("/bookings/batches/12345", 200)).toBe("/bookings/batches/:id");
    expect(routeLabel("/x/deadbeefcafe1234", 200)).toBe("/x/:id");
    expect(routeLabel("/x/Ab3_dEf-9hIjKlMnOp", 200)).toBe("/x/:id");
  });

  it("keeps the words of a route", () => {
    expect(routeLabel("/", 200)).toBe("/");
    expect(routeLabel("/api/chargers/location", 200)).toBe("/api/chargers/location");
    expect(routeLabel("/bookings/batches/new", 200)).toBe("/bookings/batches/new");
    expect(routeLabel("/settings/providers", 302)).toBe("/settings/providers");
    expect(routeLabel("/icon.svg", 200)).toBe("/icon.svg");
  });

  it("hides invitation codes, whatever they look like", () => {
    expect(routeLabel("/join/7K3M-Q9XD-2BHW-ZR4T-M8PC", 200)).toBe("/join/:code");
    expect(routeLabel("/join/abcd", 200)).toBe("/join/:code");
  });

  it("folds build assets and unmatched paths into a few labels", () => {
    expect(routeLabel("/_next/static/chunks/app-4f3a9c.js", 200)).toBe("/_next/static/*");
    expect(routeLabel("/_next/static/css/9a8b7c.css", 304)).toBe("/_next/static/*");
    expect(routeLabel("/_next/image", 200)).toBe("/_next/image");
    expect(routeLabel("/wp-admin/setup.php", 404)).toBe("(not found)");
    expect(routeLabel("/a/b/c/d/e/f/g/h", 200)).toBe("/a/b/c/d/e/f/*");
  });

  it("never lets odd text through as a label", () => {
    expect(routeLabel("/x/%3Cscript%3E", 200)).toBe("/x/:id");
    expect(routeLabel("/x/%E0%A4%A", 200)).toBe("/x/:id");
    expect(routeLabel("/constructor/__proto__", 200)).toBe("/constructor/__proto__");
    expect(routeLabel(`/x/${"a".repeat(41)}`, 200)).toBe("/x/:id");
  });
});

describe("pathOf and loggablePath", () => {
  it("drop the query string, where secrets travel", () => {
    expect(pathOf("/api/sessions?fleetId=f1&token=secret")).toBe("/api/sessions");
    expect(pathOf("/login#x")).toBe("/login");
    expect(pathOf(undefined)).toBe("/");
  });

  it("redact invitation codes and bound the length", () => {
    expect(loggablePath("/join/7K3M-Q9XD-2BHW-ZR4T-M8PC")).toBe("/join/[REDACTED]");
    expect(loggablePath("/bookings/abc")).toBe("/bookings/abc");
    expect(loggablePath(`/${"a".repeat(300)}`)).toHaveLength(201);
  });
});
