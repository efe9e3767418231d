// A booking's status as a coloured badge; the statuses a dispatcher must look at stand out.
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
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
  const common = useTranslations("common");
  return (
    <Badge tone={TONE[status]} data-status={status}>
      {common(`bookingStatus.${status}`)}
    </Badge>
  );
}
