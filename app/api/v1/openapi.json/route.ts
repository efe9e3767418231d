// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the public API, generated from its zod schemas.
import { openApiDocument } from "@/lib/api-v1/openapi";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument());
}
