// GET /api/v1/chargers: the wizard's search for bookable charge points around a point.
import { GET as search } from "@/app/api/bookings/chargers/route";
import { V1_ROUTES } from "@/lib/api-v1/catalogue";
import { v1Get } from "@/lib/api-v1/handler";

export const GET = v1Get(V1_ROUTES.searchChargers, search);
