// A session's status as a badge, in words and in the tone of what it means.
import type { HTMLAttributes } from "react";
import { Badge } from "@/components/ui/badge";
import { sessionStatusLabel, sessionStatusTone } from "@/lib/sessions/session-status";

export function SessionStatusBadge({ status, ...props }: { status: string } & HTMLAttributes<HTMLSpanElement>) {
  return (
    <Badge tone={sessionStatusTone(status)} {...props}>
      {sessionStatusLabel(status)}
    </Badge>
  );
}
