"use client";
// The one way to build a form: react-hook-form validated in the browser by the very zod schema the server
// action validates with (same plain messages, in the reader's language), and the server's field errors —
// keyed by the field's path joined with dots, "items.2.driverId", exactly as react-hook-form names fields — put back on the fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import {
  useForm,
  type FieldPath,
  type Resolver,
  type FieldValues,
  type UseFormProps,
  type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import type { ActionFailure } from "@/lib/actions/errors";
import { plainErrors, translateSchemaMessage, type ValidationTranslator } from "@/lib/validation/plain-errors";

export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver"> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  // The plain messages and the schema's own ones in the reader's language.
  const t = useTranslations("validation");
  const resolver = useMemo(() => {
    const translate: ValidationTranslator = (key, values) => t(key, values);
    const base = zodResolver(schema as never, plainErrors(translate)) as unknown as Resolver<
      z.input<S>,
      unknown,
      z.output<S>
    >;
    const translated: Resolver<z.input<S>, unknown, z.output<S>> = async (values, context, opts) => {
      const result = await base(values, context, opts);
      translateErrors(result.errors, translate);
      return result;
    };
    return translated;
  }, [schema, t]);
  return useForm<z.input<S>, unknown, z.output<S>>({
    mode: "onTouched",
    ...options,
    resolver,
  });
}

/** Field errors nest as the values do ("items.2.driverId"); `ref` is the field's element, never walked. */
function translateErrors(errors: unknown, t: ValidationTranslator): void {
  if (!errors || typeof errors !== "object") return;
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === "ref" || key === "types") continue;
    if (key === "message" && typeof value === "string") {
      (errors as Record<string, unknown>).message = translateSchemaMessage(value, t);
    } else translateErrors(value, t);
  }
}

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
