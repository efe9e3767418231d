// A session's status as a badge, in words and in the tone of what it means.
import type { HTMLAttributes } from "react";
import { Badge } from "@/components/ui/badge";
import { sessionStatusTone } from "@/lib/sessions/session-status";
import { useSessionStatusLabel } from "./session-words";

export function SessionStatusBadge({ status, ...props }: { status: string } & HTMLAttributes<HTMLSpanElement>) {
  const label = useSessionStatusLabel();
  return (
    <Badge tone={sessionStatusTone(status)} {...props}>
      {label(status)}
    </Badge>
  );
}
