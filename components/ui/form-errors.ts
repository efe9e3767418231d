// A failed action's errors put back on a form's fields (components/ui/zod-form.ts). Free of zod and of the
// validation messages, so a form may load its schema later.
import type { FieldPath, FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionFailure } from "@/lib/actions/errors";

/**
 * Shows a failed action on the form: each field error beside its field, and returns the message for the
 * top of the form (the failure's own message, unless a field already says it, plus errors for fields the
 * form does not show); empty when there is nothing more to say.
 */
export function showServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  failure: ActionFailure,
  fieldsOnForm?: readonly string[],
): string {
  const leftOver: string[] = [];
  const onFields = new Set<string>();
  for (const [path, messages] of Object.entries(failure.fieldErrors ?? {})) {
    const message = messages[0];
    if (!message) continue;
    const shown =
      path !== "_form" && (fieldsOnForm ? fieldsOnForm.some((f) => path === f || path.startsWith(`${f}.`)) : true);
    if (shown) {
      form.setError(path as FieldPath<T>, { type: "server", message });
      onFields.add(message);
    } else leftOver.push(message);
  }
  return [...(onFields.has(failure.message) ? [] : [failure.message]), ...leftOver].join(" ");
}
