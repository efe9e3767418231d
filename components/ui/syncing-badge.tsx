// "Syncing": a change reached the charging provider and the dashboard is still catching up (lib/provider-sync).
import { Badge } from "./badge";

const EXPLANATION =
  "This change is being synced with the charging provider. It usually settles within a minute; nothing needs to be done.";

export function SyncingBadge({ className }: { className?: string }) {
  return (
    <Badge tone="info" title={EXPLANATION} className={className}>
      Syncing
      <span className="sr-only"> – {EXPLANATION}</span>
    </Badge>
  );
}
