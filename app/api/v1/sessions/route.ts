// GET /api/v1/sessions: the read API's own handler, called with an API token.
import { GET as read } from "@/app/api/sessions/route";
import { V1_ROUTES } from "@/lib/api-v1/catalogue";
import { v1Get } from "@/lib/api-v1/handler";

export const GET = v1Get(V1_ROUTES.listSessions, read);
