// GET /api/v1/bookings lists the fleet's bookings; POST books, once per Idempotency-Key.
import { GET as list } from "@/app/api/bookings/route";
import { createBookingAction } from "@/lib/actions/bookings";
import { V1_ROUTES } from "@/lib/api-v1/catalogue";
import { v1Get, v1Post } from "@/lib/api-v1/handler";

export const GET = v1Get(V1_ROUTES.listBookings, list);
export const POST = v1Post(V1_ROUTES.createBooking, createBookingAction);
