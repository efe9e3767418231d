// A booking's status as a coloured badge; the statuses a dispatcher must look at stand out.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABELS } from "@/lib/bookings/presentation";
import type { BookingStatus } from "@/lib/domain";

const TONE: Record<BookingStatus, BadgeTone> = {
  SUBMITTING: "neutral",
  REQUESTED: "info",
  PENDING: "info",
  CONFIRMED: "success",
  ATTENDING: "success",
  COMPLETED: "neutral",
  EXPIRED: "warning",
  NO_SHOW: "danger",
  CANCELLED: "neutral",
  FAILED: "danger",
  OUTCOME_UNKNOWN: "warning",
};

export function BookingStatusBadge({ status }: { status: BookingStatus }) {
  return (
    <Badge tone={TONE[status]} data-status={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
