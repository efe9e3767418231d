"use client";
// One session in the TanStack Query cache: every card on a page reads the same entry, which polls while the
// session runs and takes the answer of Stop, so the cards can never disagree.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAction } from "@/components/ui/use-action";
import { stopSessionAction } from "@/lib/actions/sessions";
import type { SessionListRow } from "@/lib/sessions/list-sessions";
import { isRunningStatus } from "@/lib/sessions/session-status";
import { api } from "@/lib/api/endpoints";
import { apiGet, apiKey } from "@/lib/api/client";

const POLL_MS = 5_000;

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Under the "sessions" key, so whatever invalidates sessions refreshes this one too. */
export function sessionQueryKey(fleetId: string, sessionId: string) {
  return apiKey(api.sessions.live, { fleetId, sessionId });
}

/** The session as last read: `data` is always set (the server's copy until the first poll answers). */
export function useSession(fleetId: string, initial: SessionListRow) {
  return useQuery({
    queryKey: sessionQueryKey(fleetId, initial.id),
    queryFn: () => apiGet(api.sessions.live, { fleetId, sessionId: initial.id }),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && isRunningStatus(q.state.data.status) ? POLL_MS : false),
  });
}

export function useStopSession(fleetId: string, sessionId: string) {
  const queryClient = useQueryClient();
  return useAction(stopSessionAction, {
    onSuccess: async (session) => {
      queryClient.setQueryData(sessionQueryKey(fleetId, sessionId), session);
      // The session itself was just set; refresh the lists that show it.
      await queryClient.invalidateQueries({
        queryKey: ["sessions"],
        predicate: (q) => !sameKey(q.queryKey, sessionQueryKey(fleetId, sessionId)),
      });
    },
  });
}
