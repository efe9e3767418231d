import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const { openApiDocument } = await import("./openapi");
const { V1_ROUTE_LIST } = await import("./catalogue");

/** Every route file under app/api/v1, as an OpenAPI path with its methods. */
function routeFiles(dir = path.join(process.cwd(), "app/api/v1"), prefix = "/api/v1"): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      out.push(...routeFiles(full, `${prefix}/${entry.replace(/^\[(\w+)\]$/, "{$1}")}`));
    } else if (entry === "route.ts") out.push(prefix);
  }
  return out;
}

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("is OpenAPI 3.1 in shape", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(p).toMatch(/^\/api\/v1\//);
      for (const [method, op] of Object.entries(item) as Array<[string, Record<string, unknown>]>) {
        expect(["get", "post"]).toContain(method);
        expect(op.operationId).toBeTruthy();
        expect(Object.keys(op.responses as object).length).toBeGreaterThan(1);
        for (const parameter of op.parameters as Array<Record<string, unknown>>) {
          expect(["path", "query", "header"]).toContain(parameter.in);
          expect(parameter.schema).toBeTypeOf("object");
          if (parameter.in === "path") expect(parameter.required).toBe(true);
        }
      }
    }
    expect(JSON.parse(JSON.stringify(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("lists every /api/v1 route file, and only those", () => {
    const documented = Object.keys(doc.paths).sort();
    const files = routeFiles()
      .filter((p) => !p.includes("[...") && !p.endsWith("/openapi.json"))
      .sort();
    expect(documented).toEqual(files);
    expect(V1_ROUTE_LIST.length).toBe(10);
  });

  it("asks for an Idempotency-Key on every POST and takes the body from the action's schema", () => {
    const create = doc.paths["/api/v1/bookings"].post as {
      parameters: Array<{ name: string; required: boolean }>;
      requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } };
    };
    expect(create.parameters).toContainEqual(expect.objectContaining({ name: "Idempotency-Key", required: true }));
    const body = create.requestBody.content["application/json"].schema.properties;
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["provider", "locationId", "evseUid", "windowStart"]));
    expect(body).not.toHaveProperty("fleetId");
    for (const item of Object.values(doc.paths)) {
      const post = (item as Record<string, { parameters: Array<{ name: string }> }>).post;
      if (post) expect(post.parameters.map((p) => p.name)).toContain("Idempotency-Key");
    }
  });

  it("puts path parameters in the path, not in the query", () => {
    const get = doc.paths["/api/v1/bookings/{bookingId}"].get as { parameters: Array<{ name: string; in: string }> };
    expect(get.parameters.filter((p) => p.name === "bookingId").map((p) => p.in)).toEqual(["path"]);
  });
});
