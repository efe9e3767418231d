"use client";
// The one way to build a form: react-hook-form validated in the browser by the very zod schema the server
// action validates with (same plain messages, in the reader's language), and the server's field errors —
// keyed by the field's path joined with dots, "items.2.driverId", exactly as react-hook-form names fields — put back on the fields.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { useForm, type FieldValues, type UseFormProps, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { ValidationTranslator } from "@/lib/validation/plain-errors";
import { showServerErrors } from "./form-errors";
import { zodFormResolver } from "./zod-resolver";

export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, "resolver"> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  // The plain messages and the schema's own ones in the reader's language.
  const t = useTranslations("validation");
  const resolver = useMemo(() => {
    const translate: ValidationTranslator = (key, values) => t(key, values);
    return zodFormResolver(schema, translate);
  }, [schema, t]);
  return useForm<z.input<S>, unknown, z.output<S>>({
    mode: "onTouched",
    ...options,
    resolver,
  });
}

export { showServerErrors };
