// GET /api/v1/reports: the read API's own handler, called with an API token.
import { GET as read } from "@/app/api/reports/route";
import { V1_ROUTES } from "@/lib/api-v1/catalogue";
import { v1Get } from "@/lib/api-v1/handler";

export const GET = v1Get(V1_ROUTES.getReport, read);
