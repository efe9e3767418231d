// A session's status and a failed start in the reader's words: `common.sessionStatus` for the statuses it
// knows (the provider's list is open, so any other still reads as words), `sessions.startFailure` for a start
// that ended without charging.
import { useTranslations } from "next-intl";
import { isFailedStart, sessionStatusLabel, type StartFailure } from "@/lib/sessions/session-status";

export function useSessionStatusLabel(): (status: string) => string {
  const common = useTranslations("common");
  return (status) =>
    common.has(`sessionStatus.${status}`) ? common(`sessionStatus.${status}`) : sessionStatusLabel(status);
}

/** Why a start ended without charging, and what to do next; null when the session did not fail to start. */
export function useStartFailure(): (status: string, providerLabel?: string) => StartFailure | null {
  const t = useTranslations("sessions.startFailure");
  return (status, providerLabel) => {
    if (!isFailedStart(status)) return null;
    const provider = providerLabel ?? t("theProvider");
    return { reason: t("reason", { provider }), next: t("next", { provider }) };
  };
}
