// The docs page's reading of the OpenAPI document: each operation with its parameters, body fields and a curl
// example, in plain values the page only has to lay out.
import { openApiDocument } from "./openapi";

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  items?: Schema;
  format?: string;
};

export interface DocField {
  name: string;
  in: string;
  required: boolean;
  type: string;
}

export interface DocOperation {
  method: string;
  path: string;
  summary: string;
  endpoint: string;
  fields: DocField[];
  bodyFields: DocField[];
  curl: string;
}

/** `string`, `"A" | "B"`, `number | null`, `string[]`. */
export function typeOf(schema: Schema | undefined): string {
  if (!schema) return "any";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeOf))].join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  return schema.format ? `${schema.type ?? "any"} (${schema.format})` : (schema.type ?? "any");
}

function curlOf(method: string, path: string, required: DocField[], origin: string): string {
  const query = required
    .filter((f) => f.in === "query")
    .map((f) => `${f.name}=…`)
    .join("&");
  const url = `${origin}${path.replace(/\{(\w+)\}/g, "…")}${query ? `?${query}` : ""}`;
  const lines = [`curl -X ${method} '${url}'`, `  -H "Authorization: Bearer $FLEET_API_TOKEN"`];
  if (method === "POST")
    lines.push(`  -H "Idempotency-Key: $(uuidgen)"`, `  -H "Content-Type: application/json"`, `  -d '{…}'`);
  return lines.join(" \\\n");
}

export function docOperations(origin: string): DocOperation[] {
  const doc = openApiDocument();
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, raw]) => {
      const op = raw as {
        summary: string;
        "x-endpoint": string;
        parameters: Array<{ name: string; in: string; required: boolean; schema: Schema }>;
        requestBody?: {
          content: { "application/json": { schema: { properties?: Record<string, Schema>; required?: string[] } } };
        };
      };
      const fields = op.parameters.map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required,
        type: typeOf(p.schema),
      }));
      const body = op.requestBody?.content["application/json"].schema;
      const bodyFields = Object.entries(body?.properties ?? {}).map(([name, schema]) => ({
        name,
        in: "body",
        required: (body?.required ?? []).includes(name),
        type: typeOf(schema),
      }));
      return {
        method: method.toUpperCase(),
        path,
        summary: op.summary,
        endpoint: op["x-endpoint"],
        fields,
        bodyFields,
        curl: curlOf(
          method.toUpperCase(),
          path,
          fields.filter((f) => f.required),
          origin,
        ),
      };
    }),
  );
}
