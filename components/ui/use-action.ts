"use client";
// The one way to run a server action from the browser: a TanStack Query mutation that throws the action's
// failure (so `mutation.error.failure` holds the plain message and field errors, in the reader's language, a
// dropped connection too) and refreshes the reads it changed.
import { useMutation, useQueryClient, type UseMutationResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ActionFailure, ActionResult } from "@/lib/actions/errors";
import { readFailureWords } from "@/lib/api/client";

export class ActionFailedError extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failure.message);
    this.name = "ActionFailedError";
  }
}

/** The failure of a mutation as plain words, whatever was thrown. */
export function failureOf(error: unknown): ActionFailure | null {
  if (!error) return null;
  if (error instanceof ActionFailedError) return error.failure;
  return { code: "INTERNAL", message: readFailureWords().unreachable };
}

export function useAction<I, R>(
  action: (input: I) => Promise<ActionResult<R>>,
  options: {
    /** Query keys to refresh after success, e.g. `[["keys"]]` (see apiKey in lib/api/client). */
    invalidates?: readonly (readonly unknown[])[];
    onSuccess?(data: R, input: I): void | Promise<void>;
  } = {},
): UseMutationResult<R, Error, I> {
  const queryClient = useQueryClient();
  const common = useTranslations("common");
  return useMutation<R, Error, I>({
    mutationFn: async (input) => {
      const result = await action(input).catch(() => {
        // The action never answered (a dropped connection, a server gone): said like any other failure.
        throw new ActionFailedError({ code: "INTERNAL", message: common("failure.unreachable") });
      });
      if (!result.ok) throw new ActionFailedError(result.error);
      return result.data;
    },
    onSuccess: async (data, input) => {
      await Promise.all((options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await options.onSuccess?.(data, input);
    },
  });
}
