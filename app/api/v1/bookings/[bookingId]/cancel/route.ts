// POST /api/v1/bookings/{bookingId}/cancel, once per Idempotency-Key.
import { cancelBookingAction } from "@/lib/actions/bookings";
import { V1_ROUTES } from "@/lib/api-v1/catalogue";
import { v1Post } from "@/lib/api-v1/handler";

export const POST = v1Post(V1_ROUTES.cancelBooking, cancelBookingAction);
