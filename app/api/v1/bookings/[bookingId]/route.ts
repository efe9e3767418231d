// GET /api/v1/bookings/{bookingId}: one booking with its history.
import { GET as detail } from "@/app/api/bookings/detail/route";
import { V1_ROUTES } from "@/lib/api-v1/catalogue";
import { v1Get } from "@/lib/api-v1/handler";

export const GET = v1Get(V1_ROUTES.getBooking, detail);
