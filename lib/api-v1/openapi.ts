// The OpenAPI 3.1 document of the public API, generated from the catalogue's zod schemas (z.toJSONSchema,
// whose JSON Schema 2020-12 is OpenAPI 3.1's own), so the document cannot drift from what is validated.
import { z } from "zod";
import { V1_ROUTE_LIST, type V1Route } from "./catalogue";

type JsonSchema = { [key: string]: unknown; properties?: Record<string, JsonSchema>; required?: string[] };

const ERROR_REF = { $ref: "#/components/schemas/Error" };

/** The schema as a caller writes it (before defaults and coercion), without what the path or token gives. */
export function callerSchema(route: V1Route): JsonSchema {
  const { $schema: _draft, ...schema } = z.toJSONSchema(route.input, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  const omitted = new Set(["fleetId", ...route.pathParams]);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([key]) => !omitted.has(key)));
  const required = (schema.required ?? []).filter((key) => !omitted.has(key));
  return { ...schema, type: "object", properties, ...(required.length ? { required } : { required: undefined }) };
}

const fleetParameter = {
  name: "fleetId",
  in: "query",
  required: false,
  description: "The token's own fleet, always: another fleet is refused with 403.",
  schema: { type: "string" },
};

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: ERROR_REF } } };
}

function operation(route: V1Route) {
  const schema = callerSchema(route);
  const pathParameters = route.pathParams.map((name) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const queryParameters =
    route.method === "GET"
      ? Object.entries(schema.properties ?? {}).map(([name, property]) => ({
          name,
          in: "query",
          required: (schema.required ?? []).includes(name),
          schema: property,
        }))
      : [];
  const idempotencyKey = {
    name: "Idempotency-Key",
    in: "header",
    required: true,
    description: "Any unique string (a UUID): a repeat within 24 h gets the first answer back, not a second change.",
    schema: { type: "string", minLength: 1, maxLength: 200 },
  };
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    "x-endpoint": route.endpoint,
    parameters: [
      ...pathParameters,
      ...queryParameters,
      ...(route.method === "POST" ? [idempotencyKey] : [fleetParameter]),
    ],
    ...(route.method === "POST"
      ? { requestBody: { required: true, content: { "application/json": { schema } } } }
      : {}),
    responses: {
      [String(route.successStatus)]: {
        description: "The answer, as the dashboard itself reads it.",
        content: { "application/json": { schema: { type: "object" } } },
      },
      "400": errorResponse("The input is not valid; fieldErrors say where."),
      "401": errorResponse("No token, or one that is unknown, revoked or expired."),
      "403": errorResponse("The token's role may not do this, or the fleet is not the token's."),
      "404": errorResponse("Not found in the token's fleet."),
      "409": errorResponse("A conflict, or a request with the same Idempotency-Key still running."),
      ...(route.method === "POST" ? { "422": errorResponse("The Idempotency-Key was used for another request.") } : {}),
      "429": errorResponse("Too many requests; Retry-After says when to try again."),
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of V1_ROUTE_LIST) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Fleet charging API",
      version: "1.0.0",
      description:
        "The dashboard's public API. Authenticate with an API token created by a fleet admin " +
        "(Fleets → API tokens): `Authorization: Bearer fct_…`. A token acts in its own fleet with its role.",
    },
    servers: [{ url: "/" }],
    security: [{ apiToken: [] }],
    tags: [...new Set(V1_ROUTE_LIST.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { apiToken: { type: "http", scheme: "bearer", bearerFormat: "fct_…" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string", description: "Plain words, in the Accept-Language asked for." },
                fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
                referenceId: { type: "string" },
              },
            },
          },
        },
      },
    },
  };
}
